package dev.auditworkbench.engine.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.model.Triage;
import dev.auditworkbench.engine.model.TriageChange;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.HistoryRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Triage decisions exchanged between two auditors' copies of one project, by finding fingerprint:
 * status and reason, impact and effort overrides, notes, tags and board rank, each finding with its
 * triage history.
 *
 * <p>Merges travel as the fingerprint a duplicate was merged into (its status says dismissed as a
 * duplicate). Import is a three-way merge without a shared clock: a finding whose triage differs is
 * taken from the file when this copy's last change to it is in the file's history (only they
 * changed it since the copies parted), kept when the file's last change is in this copy's history
 * (only we did), and otherwise is a conflict, listed and resolved explicitly: kept, unless the
 * auditor asks to take theirs. Nothing is overwritten silently; what is applied is one undoable
 * step.
 */
public final class TriageExchange {
  public static final String FORMAT = "audit-workbench-triage";
  public static final String FORMAT_NAME = "Audit Workbench triage JSON (workbench export-triage)";
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private TriageExchange() {}

  /** One field change of a finding's history. */
  public record Change(String at, String field, String oldValue, String newValue) {
    String key() {
      return at + "\u0000" + field + "\u0000" + newValue;
    }
  }

  /** One finding's triage as exchanged. */
  public record Entry(
      String fingerprint,
      String title,
      String status,
      String dismissReason,
      Integer impact,
      Integer effortHours,
      String notes,
      List<String> tags,
      Integer rank,
      String mergedInto,
      List<Change> history) {
    public Entry {
      tags = tags == null ? List.of() : List.copyOf(tags);
      history = history == null ? List.of() : List.copyOf(history);
      notes = notes == null ? "" : notes;
    }

    /** The decisions alone, history and title aside. */
    boolean sameDecisions(Entry o) {
      return Objects.equals(status, o.status)
          && Objects.equals(dismissReason, o.dismissReason)
          && Objects.equals(impact, o.impact)
          && Objects.equals(effortHours, o.effortHours)
          && Objects.equals(notes, o.notes)
          && Objects.equals(tags, o.tags)
          && Objects.equals(rank, o.rank)
          && Objects.equals(mergedInto, o.mergedInto);
    }
  }

  /** The file. */
  public record Document(
      String format,
      int version,
      String client,
      String engagement,
      String auditor,
      String exportedAt,
      List<Entry> findings) {}

  /** Both sides changed a finding since the copies parted. */
  public record Conflict(long id, Entry mine, Entry theirs) {}

  /**
   * What an import does: the edits and ranks taken from the file, the conflicts (and whether they
   * are taken), the fingerprints this project does not have, and how many findings were the same or
   * kept.
   */
  public record Plan(
      Map<Long, TriageEdit> edits,
      Map<String, Integer> ranks,
      Map<String, String> links,
      List<String> taken,
      List<Conflict> conflicts,
      boolean conflictsTaken,
      List<String> unknown,
      int same,
      int keptMine) {
    public boolean changesAnything() {
      return !edits.isEmpty() || !ranks.isEmpty() || !links.isEmpty();
    }
  }

  /** Every finding this copy triaged (or ranked, or whose triage has a history). */
  public static Document export(Connection c, ProjectInfo info, Instant now) throws SQLException {
    Map<String, Integer> ranks = new BoardRepository(c).ranks();
    Map<String, String> merged = new BoardRepository(c).duplicates();
    HistoryRepository history = new HistoryRepository(c);
    List<Entry> out = new ArrayList<>();
    try (FindingRepository findings = new FindingRepository(c)) {
      for (Finding f : findings.all()) {
        List<TriageChange> changes = history.of(f.id());
        Integer rank = ranks.get(f.fingerprint());
        if (untouched(f.triage()) && rank == null && changes.isEmpty()) {
          continue;
        }
        out.add(entry(f, rank, merged.get(f.fingerprint()), changes));
      }
    }
    return new Document(
        FORMAT,
        VERSION,
        info.client(),
        info.engagement(),
        info.auditor(),
        now.toString(),
        List.copyOf(out));
  }

  private static boolean untouched(Triage t) {
    return t.status() == Triage.NONE.status()
        && t.impactOverride() == null
        && t.effortOverride() == null
        && (t.notes() == null || t.notes().isBlank())
        && t.tags().isEmpty();
  }

  private static Entry entry(
      Finding f, Integer rank, String mergedInto, List<TriageChange> changes) {
    Triage t = f.triage();
    List<Change> h = new ArrayList<>();
    for (TriageChange ch : changes) {
      h.add(new Change(ch.at().toString(), ch.field(), ch.oldValue(), ch.newValue()));
    }
    return new Entry(
        f.fingerprint(),
        f.title(),
        t.status().name(),
        t.dismissReason() == null ? null : t.dismissReason().name(),
        t.impactOverride() == null ? null : t.impactOverride().value(),
        t.effortOverride() == null ? null : t.effortOverride().hours(),
        t.notes(),
        t.tags(),
        rank,
        mergedInto,
        h);
  }

  public static String write(Document d) {
    try {
      return JSON.writeValueAsString(d) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a triage file.
   *
   * @throws BadInputException naming the file, the line and column, and the format
   */
  public static Document read(Path file, String text) throws BadInputException {
    Document d;
    try {
      d = JSON.readValue(text, Document.class);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new BadInputException(
          file,
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          -1,
          FORMAT_NAME,
          e.getOriginalMessage());
    }
    if (d == null || !FORMAT.equals(d.format())) {
      throw BadInputException.whole(
          file, FORMAT_NAME, "not a triage export (its \"format\" is not \"" + FORMAT + "\")");
    }
    if (d.version() > VERSION) {
      throw BadInputException.whole(
          file,
          FORMAT_NAME,
          "written by a newer Audit Workbench (version " + d.version() + "); update to read it");
    }
    int n = 0;
    for (Entry e : d.findings() == null ? List.<Entry>of() : d.findings()) {
      n++;
      try {
        Status.valueOf(e.status());
        if (e.dismissReason() != null) {
          DismissReason.valueOf(e.dismissReason());
        }
        if (e.impact() != null) {
          Impact.of(e.impact());
        }
        if (e.effortHours() != null) {
          Effort.hours(e.effortHours());
        }
        if (e.fingerprint() == null || e.fingerprint().isBlank()) {
          throw new IllegalArgumentException("no fingerprint");
        }
      } catch (RuntimeException bad) {
        throw BadInputException.whole(
            file,
            FORMAT_NAME,
            "finding "
                + n
                + (e.fingerprint() == null ? "" : " (" + e.fingerprint() + ")")
                + ": "
                + (bad.getMessage() == null ? "a value out of range" : bad.getMessage()));
      }
    }
    return d;
  }

  /**
   * What importing {@code theirs} into this copy does.
   *
   * @param takeTheirs resolve conflicts with the file's decisions (else this copy's are kept)
   */
  public static Plan plan(Connection c, Document theirs, boolean takeTheirs) throws SQLException {
    Map<String, Integer> ranks = new BoardRepository(c).ranks();
    Map<String, String> merged = new BoardRepository(c).duplicates();
    HistoryRepository history = new HistoryRepository(c);
    Map<String, Finding> byFingerprint = new LinkedHashMap<>();
    try (FindingRepository findings = new FindingRepository(c)) {
      for (Finding f : findings.all()) {
        byFingerprint.put(f.fingerprint(), f);
      }
    }
    Map<Long, TriageEdit> edits = new LinkedHashMap<>();
    Map<String, Integer> newRanks = new LinkedHashMap<>();
    Map<String, String> links = new LinkedHashMap<>();
    List<String> taken = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    int same = 0;
    int kept = 0;
    for (Entry t : theirs.findings() == null ? List.<Entry>of() : theirs.findings()) {
      Finding f = byFingerprint.get(t.fingerprint());
      if (f == null) {
        unknown.add(t.fingerprint() + (t.title() == null ? "" : " " + t.title()));
        continue;
      }
      Entry mine =
          entry(f, ranks.get(f.fingerprint()), merged.get(f.fingerprint()), history.of(f.id()));
      if (mine.sameDecisions(t)) {
        same++;
        continue;
      }
      Set<String> theirKeys = keys(t.history());
      Set<String> myKeys = keys(mine.history());
      boolean iChanged = !mine.history().isEmpty() && !theirKeys.contains(last(mine).key());
      boolean theyChanged = !t.history().isEmpty() && !myKeys.contains(last(t).key());
      boolean take;
      if (theyChanged && !iChanged) {
        take = true;
      } else if (iChanged && !theyChanged) {
        take = false;
        kept++;
      } else {
        conflicts.add(new Conflict(f.id(), mine, t));
        take = takeTheirs;
      }
      if (take) {
        taken.add(f.fingerprint());
        edits.put(f.id(), edit(mine, t));
        if (!Objects.equals(mine.rank(), t.rank()) && t.rank() != null) {
          newRanks.put(f.fingerprint(), t.rank());
        }
        // A merge is carried when the finding it was merged into is in this project too.
        if (!Objects.equals(mine.mergedInto(), t.mergedInto())
            && (t.mergedInto() == null || byFingerprint.containsKey(t.mergedInto()))) {
          links.put(f.fingerprint(), t.mergedInto());
        }
      }
    }
    edits.values().removeIf(TriageEdit::isEmpty);
    return new Plan(
        edits,
        newRanks,
        links,
        List.copyOf(taken),
        List.copyOf(conflicts),
        takeTheirs,
        List.copyOf(unknown),
        same,
        kept);
  }

  private static Set<String> keys(List<Change> changes) {
    Set<String> out = new HashSet<>();
    changes.forEach(ch -> out.add(ch.key()));
    return out;
  }

  private static Change last(Entry e) {
    return e.history().get(e.history().size() - 1);
  }

  /** The fields where theirs differs from mine. */
  private static TriageEdit edit(Entry mine, Entry theirs) {
    Status status = Status.valueOf(theirs.status());
    boolean statusChanges =
        !Objects.equals(mine.status(), theirs.status())
            || !Objects.equals(mine.dismissReason(), theirs.dismissReason());
    return new TriageEdit(
        statusChanges ? status : null,
        statusChanges && theirs.dismissReason() != null
            ? DismissReason.valueOf(theirs.dismissReason())
            : null,
        Objects.equals(mine.impact(), theirs.impact()) || theirs.impact() == null
            ? null
            : Impact.of(theirs.impact()),
        Objects.equals(mine.effortHours(), theirs.effortHours()) || theirs.effortHours() == null
            ? null
            : Effort.hours(theirs.effortHours()),
        Objects.equals(mine.notes(), theirs.notes()) ? null : theirs.notes(),
        Objects.equals(mine.tags(), theirs.tags()) ? null : theirs.tags());
  }
}
