package io.platform.migrate.apply;

import io.platform.verify.Verdict;
import java.time.Duration;

/**
 * What apply did for one unit.
 *
 * @param localVerdict the plan against the local copy before pushing, or null when not planned
 * @param remoteVerdict the final plan against the pushed state, or null when not planned
 * @param message why it failed or was refused, else a note (may be null)
 */
public record UnitOutcome(
    String unit,
    String destination,
    Action action,
    Verdict localVerdict,
    Verdict remoteVerdict,
    boolean materialized,
    String message,
    Duration elapsed) {

  public enum Action {
    /** Written now. */
    PUSHED("pushed", true),
    /** Already written by an earlier run of this plan. */
    SKIPPED("skipped (already migrated)", true),
    /**
     * Written by an earlier run that was cut off before it updated the lock table digest; fixed.
     */
    DIGEST_REPAIRED("digest repaired", true),
    /** The destination is not as the plan expects; nothing written. */
    REFUSED("refused", false),
    /** Verification or the write failed; see the message. */
    FAILED("failed", false),
    /** Not reached: an earlier unit failed or was refused. */
    NOT_ATTEMPTED("not attempted", false);

    private final String label;
    private final boolean done;

    Action(String label, boolean done) {
      this.label = label;
      this.done = done;
    }

    public String label() {
      return label;
    }

    /** The unit's state is in place (whatever its verification says). */
    public boolean stateInPlace() {
      return done;
    }
  }

  /** In place and, when verified, planning with no resource change. */
  public boolean succeeded() {
    return action.stateInPlace()
        && (remoteVerdict == null
            || remoteVerdict == Verdict.CLEAN
            || remoteVerdict == Verdict.OUTPUT_ONLY);
  }

  /** A plan (local or remote) showed resource changes or relevant drift. */
  public boolean plansChanges() {
    return dirty(localVerdict) || dirty(remoteVerdict);
  }

  private static boolean dirty(Verdict verdict) {
    return verdict == Verdict.CHANGES || verdict == Verdict.DRIFT_ONLY;
  }
}
