package io.platform.killswitch.heartbeat;

import java.util.Locale;

/**
 * One check of a heartbeat and what it found.
 *
 * @param name {@code secret}, {@code user}, {@code access-key} or {@code permissions}: the {@code
 *     Check} dimension of the failure metric and a section of the runbook
 * @param detail what was found, in words (never a secret)
 */
public record HealthCheck(String name, Status status, String detail) {
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  static HealthCheck passed(String name, String detail) {
    return new HealthCheck(name, Status.PASSED, detail);
  }

  static HealthCheck failed(String name, String detail) {
    return new HealthCheck(name, Status.FAILED, detail);
  }

  static HealthCheck skipped(String name, String detail) {
    return new HealthCheck(name, Status.SKIPPED, detail);
  }

  /** {@code passed}, {@code failed} or {@code skipped}. */
  public String statusLabel() {
    return status.name().toLowerCase(Locale.ROOT);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
