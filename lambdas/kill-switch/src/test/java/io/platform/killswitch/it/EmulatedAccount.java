package io.platform.killswitch.it;

import io.platform.emulator.AwsEndpoint;
import io.platform.testkit.WithEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration tests: a fresh {@link ServiceAccount} in the class's emulator before each
 * test (subclasses add {@code @ResetEmulator} so that each starts from an empty account).
 */
@WithEmulator
abstract class EmulatedAccount {
  protected AwsEndpoint aws;
  protected ServiceAccount account;

  @BeforeEach
  void createTheServiceAccount(AwsEndpoint endpoint) {
    aws = endpoint;
    account = ServiceAccount.create(endpoint);
  }

  @AfterEach
  void closeClients() {
    account.close();
  }
}
