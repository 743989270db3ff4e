package io.platform.killswitch.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class SecretPrefetchTest {
  private static final String SECRET = "platform/kill-switch/service-user";
  private static final GetSecretValueResponse VALUE =
      GetSecretValueResponse.builder()
          .name(SECRET)
          .secretString("{\"username\": \"svc\", \"access_key_id\": \"AKIAIOSFODNN7EXAMPLE\"}")
          .build();

  private final AtomicLong clock = new AtomicLong();

  private SecretPrefetch prefetch(CompletableFuture<GetSecretValueResponse> read) {
    return new SecretPrefetch(SECRET, read, clock::get);
  }

  @Test
  void theFirstReadOfTheSecretGetsThePrefetchedValueAndEveryLaterOneNothing() {
    SecretPrefetch prefetch = prefetch(CompletableFuture.completedFuture(VALUE));

    assertThat(prefetch.take(SECRET)).containsSame(VALUE);
    assertThat(prefetch.take(SECRET)).isEmpty();
  }

  @Test
  void anotherSecretIsNotAnsweredFromThePrefetch() {
    SecretPrefetch prefetch = prefetch(CompletableFuture.completedFuture(VALUE));

    assertThat(prefetch.take("platform/another")).isEmpty();
    assertThat(prefetch.take(SECRET)).containsSame(VALUE);
  }

  @Test
  void aFailedPrefetchLeavesTheReadToTheCaller() {
    CompletableFuture<GetSecretValueResponse> failed = new CompletableFuture<>();
    failed.completeExceptionally(ResourceNotFoundException.builder().message("not there").build());

    assertThat(prefetch(failed).take(SECRET)).isEmpty();
  }

  @Test
  void aValueOlderThanAnOnDemandInitIsNotUsed() {
    SecretPrefetch prefetch = prefetch(CompletableFuture.completedFuture(VALUE));
    clock.addAndGet(SecretPrefetch.MAX_AGE.toNanos() + 1);

    assertThat(prefetch.take(SECRET)).isEmpty();
  }

  @Test
  void theFirstReadWaitsForAPrefetchStillUnderWay() throws Exception {
    CompletableFuture<GetSecretValueResponse> pending = new CompletableFuture<>();
    SecretPrefetch prefetch = prefetch(pending);
    CompletableFuture<?> answered = CompletableFuture.supplyAsync(() -> prefetch.take(SECRET));

    Thread.sleep(50);
    assertThat(answered).isNotDone();
    pending.complete(VALUE);
    assertThat(answered.get()).isEqualTo(Optional.of(VALUE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"snap-start", "provisioned-concurrency"})
  void anInitAheadOfItsInvocationReadsNothing(String type) {
    // No client is needed: nothing may be read.
    assertThat(
            SecretPrefetch.startIfOnDemand(
                Map.of(SecretPrefetch.INITIALIZATION_TYPE, type), null, SECRET))
        .isEmpty();
  }
}
