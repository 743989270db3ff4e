package io.platform.toolchain;

/** A pinned tool is missing: the message says how to install it. */
public class ToolchainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolchainException(String message) {
    super(message);
  }
}
