package io.platform.verify;

import io.platform.live.Unit;

/** Hears about units as they start and finish, e.g. to draw progress. */
public interface VerifyListener {
  VerifyListener NONE = new VerifyListener() {};

  default void started(Unit unit, int total) {}

  default void finished(UnitResult result, int done, int total) {}
}
