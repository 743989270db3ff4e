package io.platform.exec;

/** Runs processes; the seam that tests replace with a scripted fake. */
@FunctionalInterface
public interface CommandRunner {

  /**
   * Runs the command to completion and returns what it left behind; a non-zero exit is a result,
   * not an exception. Throws {@link ExecException} only when it cannot start.
   */
  ExecResult run(Command command);
}
