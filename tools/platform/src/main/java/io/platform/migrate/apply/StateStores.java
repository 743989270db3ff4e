package io.platform.migrate.apply;

import io.platform.migrate.plan.SourceRef;
import io.platform.migrate.storage.StateStore;
import io.platform.migrate.storage.StoreSpec;

/** Opens the stores a migration reads and writes. */
public interface StateStores {
  /** How unit states are written: directly to S3 (with the lock table digest) or by Terraform. */
  enum Push {
    S3,
    TERRAFORM
  }

  /** The monolith's state, as a plan or a command line names it. */
  StateStore source(SourceRef ref);

  /** A unit's state, written as {@code push} says. */
  StateStore destination(StoreSpec spec, Push push);
}
