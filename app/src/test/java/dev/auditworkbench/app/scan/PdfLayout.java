package dev.auditworkbench.app.scan;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Words of a PDF with their page, position and font size (PDFBox text positions), to check layout:
 * what a reader sees split across lines, or left alone at a page's foot.
 */
final class PdfLayout {
  /** One word as drawn: page (1-based), left x, baseline y (down the page), font size in points. */
  record Word(String text, int page, float x, float endX, float y, float size) {}

  private PdfLayout() {}

  static List<Word> words(PDDocument doc) throws IOException {
    List<Word> out = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            StringBuilder word = new StringBuilder();
            TextPosition first = null;
            TextPosition last = null;
            for (TextPosition p : positions) {
              String u = p.getUnicode();
              if (u.isBlank()) {
                flush(word, first, last);
                first = null;
                continue;
              }
              if (first == null) {
                first = p;
              }
              last = p;
              word.append(u);
            }
            flush(word, first, last);
          }

          private void flush(StringBuilder word, TextPosition first, TextPosition last) {
            if (word.length() > 0 && first != null) {
              out.add(
                  new Word(
                      word.toString(),
                      getCurrentPageNo(),
                      first.getXDirAdj(),
                      last.getXDirAdj() + last.getWidthDirAdj(),
                      first.getYDirAdj(),
                      first.getFontSizeInPt()));
            }
            word.setLength(0);
          }
        };
    stripper.setSortByPosition(true);
    stripper.writeText(doc, new StringWriter());
    return out;
  }
}
