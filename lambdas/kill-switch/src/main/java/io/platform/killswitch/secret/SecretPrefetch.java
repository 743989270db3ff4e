package io.platform.killswitch.secret;

import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.startup.Background;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The first read of the secret, started during a cold start's init phase: its round trip (and the
 * SDK's first request, which loads the request pipeline) overlaps with building the other clients.
 * Only the invocation that follows the init uses it, once, and only if it succeeded and is fresh;
 * otherwise, and for every later invocation, the secret is read when needed.
 *
 * <p>Only for an on-demand init, which Lambda runs for the invocation at hand. A SnapStart snapshot
 * or a provisioned environment may serve its first invocation days later, and must not carry the
 * secret's value in its memory image.
 */
public final class SecretPrefetch {
  /** Set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
  public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

  static final String ON_DEMAND = "on-demand";

  /**
   * An on-demand init (at most 10 s) runs right before its invocation; a value older than this came
   * from an environment Lambda initialised ahead of time, and is read again.
   */
  static final Duration MAX_AGE = Duration.ofSeconds(10);

  private final String secretId;
  private final CompletableFuture<GetSecretValueResponse> response;
  private final long startedNanos;
  private final LongSupplier nanoTime;
  private final AtomicBoolean taken = new AtomicBoolean();

  SecretPrefetch(
      String secretId, CompletableFuture<GetSecretValueResponse> response, LongSupplier nanoTime) {
    this.secretId = secretId;
    this.response = response;
    this.nanoTime = nanoTime;
    this.startedNanos = nanoTime.getAsLong();
  }

  /**
   * Starts reading {@code secretId} in the background, as soon as the Secrets Manager client is
   * built, unless the environment says that this is not an on-demand init (outside Lambda the
   * variable is absent, and the read starts).
   */
  public static Optional<SecretPrefetch> startIfOnDemand(
      Map<String, String> env, AwsClients aws, String secretId) {
    if (!ON_DEMAND.equals(env.getOrDefault(INITIALIZATION_TYPE, ON_DEMAND))) {
      return Optional.empty();
    }
    CompletableFuture<GetSecretValueResponse> read =
        Background.start(
            "secret", () -> aws.secretsManager().getSecretValue(b -> b.secretId(secretId)));
    return Optional.of(new SecretPrefetch(secretId, read, System::nanoTime));
  }

  /**
   * The prefetched answer for {@code secretId}, the first time it is asked for, when the read
   * succeeded and is still fresh; empty otherwise. A failed read is not reported from here: the
   * caller reads again, and reports that read's failure as usual.
   */
  Optional<GetSecretValueResponse> take(String secretId) {
    if (!this.secretId.equals(secretId) || taken.getAndSet(true)) {
      return Optional.empty();
    }
    GetSecretValueResponse value = response.exceptionally(failure -> null).join();
    if (value == null || nanoTime.getAsLong() - startedNanos > MAX_AGE.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
