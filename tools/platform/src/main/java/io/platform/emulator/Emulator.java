package io.platform.emulator;

/** A running AWS API emulator. Closing it stops the server and frees its port. */
public interface Emulator extends AutoCloseable {

  AwsEndpoint endpoint();

  /** Forgets every resource, so the next test starts from an empty account. */
  void reset();

  /** Operating-system process id of the server, for stop-by-PID and orphan checks. */
  long pid();

  @Override
  void close();
}
