package io.platform.migrate.storage;

/** A held state lock; closing it releases the lock. */
@FunctionalInterface
public interface StateLock extends AutoCloseable {
  StateLock NONE = () -> {};

  @Override
  void close();
}
