package io.platform.exec;

/** A process that could not start, failed, or ran past its timeout. */
public class ExecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ExecResult result;

  public ExecException(ExecResult result) {
    super(describe(result));
    this.result = result;
  }

  public ExecException(String message, Throwable cause) {
    super(message, cause);
    this.result = null;
  }

  /** The failed run, or null when the process never started. */
  public ExecResult result() {
    return result;
  }

  private static String describe(ExecResult result) {
    String program = result.command().argv().get(0);
    String how =
        result.timedOut()
            ? "timed out after " + result.command().timeout().toSeconds() + " s"
            : "exited with code " + result.exitCode();
    String detail = ErrorLines.firstUseful(result.stderr(), result.stdout());
    return program + " " + how + (detail.isEmpty() ? "" : ": " + detail);
  }
}
