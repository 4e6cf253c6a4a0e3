package dev.auditworkbench.engine.spi;

import java.io.IOException;

/**
 * Reads one external format (a scanner's report, a log, a trace) into findings. Implementations
 * live in the {@code importers} module and are registered with {@link java.util.ServiceLoader}.
 *
 * <p>An importer streams: it must not read a whole large input into memory. It reports malformed
 * input as a {@link BadInputException} naming the position and its format; the pipeline then rolls
 * back everything the input produced.
 */
public interface Importer {

  /** Stable id used by {@code --format} and stored with every import, e.g. "bandit-json". */
  String id();

  /** Name shown to users, e.g. "Bandit JSON". */
  String displayName();

  /** The tool whose output this reads, e.g. "bandit"; findings' sources carry it. */
  String tool();

  /** One sentence: what the format holds and what becomes of it. */
  String description();

  /**
   * How sure this importer is that the sample is its format, from 0 (not mine) to 1 (certainly
   * mine). Decided on content, never on the file name alone.
   */
  double detect(FileSample sample);

  /** Reads the whole input, sending every finding to the sink. */
  void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException;
}
