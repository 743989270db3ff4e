package io.platform.killswitch.queries;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Dollars for bytes scanned at Athena's price per TB. A TB is 10^12 bytes here, as in the
 * kill-switch module's dollar thresholds; Athena's 10 MB minimum per query is left out, so a figure
 * is never above what the scan cost.
 */
public final class ScanCost {
  static final BigDecimal BYTES_PER_TB = BigDecimal.TEN.pow(12);

  private final BigDecimal pricePerTb;

  public ScanCost(double pricePerTbUsd) {
    this.pricePerTb = BigDecimal.valueOf(pricePerTbUsd);
  }

  /** E.g. {@code $12.00}: cents, rounded up so that a small scan does not read as free. */
  public String usd(long bytes) {
    BigDecimal dollars =
        pricePerTb
            .multiply(BigDecimal.valueOf(bytes))
            .divide(BYTES_PER_TB, 2, RoundingMode.CEILING);
    return "$" + dollars.toPlainString();
  }
}
