package io.platform.killswitch.revoke;

/** What one revocation step did. */
public enum StepOutcome {
  /** The write was made. */
  DONE("done"),
  /** Nothing to do: the state was already as wanted (a redelivered event, say). */
  NO_OP("no-op"),
  /** DRY_RUN: the write that would have been made. */
  DRY_RUN("dry run"),
  /** Not in scope or switched off by configuration. */
  SKIPPED("skipped"),
  /** The call failed after the SDK's retries. */
  FAILED("failed");

  private final String label;

  StepOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
