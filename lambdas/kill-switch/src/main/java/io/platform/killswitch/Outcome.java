package io.platform.killswitch;

/** What one invocation came to, as the notice's subject and the handler's result say it. */
public enum Outcome {
  /** At least one write was made and none failed. */
  REVOKED,
  /** Everything was already revoked: a redelivered event or a second alarm. */
  NO_OP,
  /** DRY_RUN: reads only; the notice lists the writes that would have been made. */
  DRY_RUN,
  /** A step or a precondition failed; the invocation throws so that Lambda retries. */
  FAILED,
  /** Not an ALARM transition of an allowed alarm: logged, no notice, nothing touched. */
  IGNORED,
  /** A heartbeat that found everything a real run needs in place: a metric, no notice. */
  HEALTHY,
  /** A heartbeat that found something broken: a metric and a notice naming it; nothing touched. */
  UNHEALTHY
}
