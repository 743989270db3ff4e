package io.platform.cli;

import io.platform.live.Unit;
import io.platform.verify.UnitResult;
import io.platform.verify.VerifyListener;
import java.util.Locale;
import java.util.function.Consumer;

/** One line per finished unit, as a run proceeds. */
final class ProgressPrinter implements VerifyListener {
  private final Consumer<String> out;

  ProgressPrinter(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void started(Unit unit, int total) {
    out.accept("  planning " + unit.name());
  }

  @Override
  public void finished(UnitResult result, int done, int total) {
    out.accept(
        String.format(
            Locale.ROOT,
            "  [%d/%d] %s: %s (%.1fs)",
            done, total, result.unit().name(), result.verdict().label(),
            result.elapsed().toMillis() / 1000.0));
  }
}
