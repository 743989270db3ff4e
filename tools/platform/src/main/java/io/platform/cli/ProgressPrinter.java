package io.platform.cli;

import io.platform.live.Unit;
import io.platform.verify.UnitResult;
import io.platform.verify.VerifyListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Shows a run as it proceeds. On a terminal: a status line rewritten in place (done/total, units
 * being planned) above which each finished unit stays. Elsewhere (CI logs): plain lines.
 */
final class ProgressPrinter implements VerifyListener {
  private static final String CLEAR_LINE = "\r\u001B[2K";

  private final Consumer<String> lines;
  private final PrintWriter terminal;
  private final Set<String> running = new TreeSet<>();
  private int done;
  private int total;

  /**
   * @param lines prints a whole line
   * @param terminal where the status line is drawn, or null when not on a terminal
   */
  ProgressPrinter(Consumer<String> lines, PrintWriter terminal) {
    this.lines = lines;
    this.terminal = terminal;
  }

  /**
   * Draws in place when the JVM has a terminal, plainly otherwise. On the JDK 17 this runs on, a
   * console exists only for a terminal (JDK 22 has one always, and Console.isTerminal).
   */
  @SuppressWarnings("SystemConsoleNull")
  static ProgressPrinter forConsole(Consumer<String> lines, PrintWriter err) {
    return new ProgressPrinter(lines, System.console() == null ? null : err);
  }

  @Override
  public synchronized void started(Unit unit, int total) {
    this.total = total;
    running.add(unit.name());
    if (terminal == null) {
      lines.accept("  planning " + unit.name());
    } else {
      redraw();
    }
  }

  @Override
  public synchronized void finished(UnitResult result, int done, int total) {
    this.done = done;
    running.remove(result.unit().name());
    String line =
        String.format(
            Locale.ROOT,
            "  [%d/%d] %s: %s (%.1fs)",
            done,
            total,
            result.unit().name(),
            result.verdict().label(),
            result.elapsed().toMillis() / 1000.0);
    if (terminal == null) {
      lines.accept(line);
    } else {
      terminal.print(CLEAR_LINE + line + "\n");
      redraw();
    }
  }

  private void redraw() {
    terminal.print(CLEAR_LINE);
    if (!running.isEmpty()) {
      terminal.print(
          String.format(
              Locale.ROOT, "  %d/%d done, planning %s", done, total, String.join(", ", running)));
    }
    terminal.flush();
  }
}
