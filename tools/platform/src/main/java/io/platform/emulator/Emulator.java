package io.platform.emulator;

import java.util.OptionalLong;

/** A running AWS API emulator. Closing it stops the server and frees its port. */
public interface Emulator extends AutoCloseable {

  AwsEndpoint endpoint();

  /** Forgets every resource, so the next test starts from an empty account. */
  void reset();

  /**
   * Operating-system process id of the server, for stop-by-PID and orphan checks; empty when it
   * does not run as a local process (LocalStack in a container).
   */
  OptionalLong pid();

  @Override
  void close();
}
