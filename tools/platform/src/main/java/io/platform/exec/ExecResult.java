package io.platform.exec;

import java.time.Duration;

/** What a finished process left behind. */
public record ExecResult(
    Command command,
    int exitCode,
    String stdout,
    String stderr,
    Duration elapsed,
    boolean timedOut) {

  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** Returns this result, or throws an {@link ExecException} naming the command and its failure. */
  public ExecResult requireSuccess() {
    if (!succeeded()) {
      throw new ExecException(this);
    }
    return this;
  }
}
