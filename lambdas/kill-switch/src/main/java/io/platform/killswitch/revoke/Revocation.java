package io.platform.killswitch.revoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.secret.SecretException;
import io.platform.killswitch.secret.ServiceUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Revokes the service user's access: keys Inactive, then the deny policy, then the running queries
 * stopped. Every step is idempotent and reported; a failed step does not keep the later ones from
 * running, since each closes the door a little further.
 */
public final class Revocation {
  /** The inline deny policy's name, fixed by contract with the restore command. */
  public static final String DENY_POLICY_NAME = DenyPolicy.NAME;

  private final KillSwitchConfig config;
  private final AccessKeys accessKeys;
  private final DenyPolicy denyPolicy;
  private final Optional<RunningQueries> runningQueries;

  /**
   * @param athena needed when the configuration names a workgroup whose queries to stop
   */
  public Revocation(
      KillSwitchConfig config,
      IamClient iam,
      Optional<AthenaClient> athena,
      ObjectMapper json,
      Clock clock) {
    if (config.stopQueries() && athena.isEmpty()) {
      throw new IllegalArgumentException("stopping queries needs an Athena client");
    }
    this.config = config;
    this.accessKeys = new AccessKeys(iam, config.scope(), config.dryRun());
    this.denyPolicy = new DenyPolicy(iam, json, config.dryRun());
    this.runningQueries = athena.map(a -> new RunningQueries(a, clock, config.dryRun()));
  }

  /**
   * Runs every step and hands each result to {@code listener} as it completes.
   *
   * @throws SecretException before any write, when the secret names a user that does not exist or a
   *     key the user does not have
   */
  public List<StepResult> revoke(ServiceUser user, Consumer<StepResult> listener) {
    List<StepResult> results = new ArrayList<>();
    Consumer<StepResult> record =
        r -> {
          results.add(r);
          listener.accept(r);
        };
    try {
      accessKeys.deactivate(user, accessKeys.inspect(user, config.secretId()), record);
    } catch (SdkException e) {
      // The keys could not even be listed; the deny policy below still shuts the user out.
      record.accept(StepResult.failed(AccessKeys.ACTION, user.accessKeyId(), e));
    }
    if (config.attachDenyPolicy()) {
      record.accept(denyPolicy.attach(user.username()));
    } else {
      record.accept(
          new StepResult(
              DenyPolicy.ACTION, user.username(), StepOutcome.SKIPPED, "ATTACH_DENY_POLICY=false"));
    }
    if (config.stopQueries()) {
      runningQueries.orElseThrow().stop(config.athenaWorkgroup().orElseThrow(), record);
    } else {
      record.accept(
          new StepResult(
              RunningQueries.SCAN_ACTION, "-", StepOutcome.SKIPPED, "STOP_QUERIES=false"));
    }
    return List.copyOf(results);
  }
}
