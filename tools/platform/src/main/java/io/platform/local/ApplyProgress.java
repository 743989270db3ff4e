package io.platform.local;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line per unit as {@code terragrunt run --all apply} starts and finishes it, read from the lines
 * Terragrunt prefixes with the unit ({@code 12:47:45.495 STDOUT [vpc] terraform: ...}): the apply
 * of a tree takes minutes, and without this says nothing until it ends. Every line still goes on to
 * the tools' own output (shown with -v).
 */
final class ApplyProgress implements Consumer<String> {
  private static final Pattern UNIT_LINE =
      Pattern.compile("^\\S+\\s+[A-Z]+\\s+\\[([^\\]]+)\\] (?:terraform|tofu): (.*)$");
  private static final Pattern COMPLETE = Pattern.compile("Apply complete! Resources: (.*)\\.$");

  private final Consumer<String> progress;
  private final Consumer<String> toolOutput;
  private final LongSupplier nanos;
  private final Map<String, Long> started = new HashMap<>();

  ApplyProgress(Consumer<String> progress, Consumer<String> toolOutput, LongSupplier nanos) {
    this.progress = progress;
    this.toolOutput = toolOutput;
    this.nanos = nanos;
  }

  /** Called from the threads draining stdout and stderr. */
  @Override
  public synchronized void accept(String line) {
    toolOutput.accept(line);
    Matcher unitLine = UNIT_LINE.matcher(line);
    if (!unitLine.matches()) {
      return;
    }
    String unit = unitLine.group(1);
    if (started.putIfAbsent(unit, nanos.getAsLong()) == null) {
      progress.accept("apply: " + unit + " started");
    }
    Matcher complete = COMPLETE.matcher(unitLine.group(2).strip());
    if (complete.find()) {
      long seconds = (nanos.getAsLong() - started.get(unit)) / 1_000_000_000L;
      progress.accept("apply: " + unit + " done in " + seconds + " s (" + complete.group(1) + ")");
    }
  }
}
