package io.platform.killswitch.aws;

import io.platform.killswitch.config.ConfigurationException;
import io.platform.killswitch.startup.Background;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients the kill switch uses, built once per execution environment and sharing one
 * lightweight HTTP client. Throttling, 5xx answers and timed-out attempts are retried by the SDK's
 * standard strategy (exponential backoff with jitter); what still fails after that is a failure of
 * the step that made the call.
 *
 * <p>The clients are built in the background, one after the other on a thread of their own, and the
 * HTTP client's TLS set-up on another: a cold start spends most of its CPU there, and the caller
 * gets on with its own initialisation meanwhile. Each accessor waits for its client.
 */
public final class AwsClients implements AutoCloseable {
  public static final String REGION = "AWS_REGION";
  public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";

  /** Five tries: revocation is worth a little more patience than the SDK's default three. */
  static final int MAX_ATTEMPTS = 5;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(6);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);

  private final SdkHttpClient http;
  private final CompletableFuture<IamClient> iam;
  private final CompletableFuture<SecretsManagerClient> secretsManager;
  private final CompletableFuture<SnsClient> sns;
  private final Optional<CompletableFuture<AthenaClient>> athena;
  private final Configurer configure;
  private CloudWatchClient cloudWatch;

  private AwsClients(
      Region region,
      Optional<URI> endpoint,
      AwsCredentialsProvider credentials,
      boolean withAthena) {
    this.http =
        new DeferredHttpClient(
            Background.start(
                "tls",
                () ->
                    UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build()));
    ClientOverrideConfiguration overrides =
        ClientOverrideConfiguration.builder()
            .retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(MAX_ATTEMPTS)
                    .build())
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT)
            .build();
    this.configure = new Configurer(region, endpoint, credentials, http, overrides);
    this.secretsManager = new CompletableFuture<>();
    this.iam = new CompletableFuture<>();
    this.sns = new CompletableFuture<>();
    this.athena = withAthena ? Optional.of(new CompletableFuture<>()) : Optional.empty();
    // One thread for all of them: clients built side by side mostly wait for each other's class
    // initialisation. Secrets Manager first: the first read of the secret waits for it.
    // Each client's own future carries its failure; this one only runs them.
    CompletableFuture<Object> unused =
        Background.start(
            "clients",
            () -> {
              build(secretsManager, () -> configure.client(SecretsManagerClient.builder()));
              build(iam, () -> configure.client(IamClient.builder()));
              build(sns, () -> configure.client(SnsClient.builder()));
              athena.ifPresent(
                  client -> build(client, () -> configure.client(AthenaClient.builder())));
              return null;
            });
  }

  /** Completes {@code client} with what {@code builder} builds, or with its failure. */
  private static <C> void build(CompletableFuture<C> client, Supplier<C> builder) {
    try {
      client.complete(builder.get());
    } catch (RuntimeException | Error e) {
      client.completeExceptionally(e);
    }
  }

  /**
   * Starts building the clients from the function's environment and returns at once: the region
   * from {@code AWS_REGION}, an endpoint override from {@code AWS_ENDPOINT_URL} when set (the
   * emulator), and the credentials Lambda puts into the environment; without those, the SDK's
   * default chain.
   *
   * @param withAthena whether to build the Athena client too (only when a workgroup is configured:
   *     each client costs cold-start time)
   * @throws ConfigurationException when {@code AWS_REGION} is not set, or {@code AWS_ENDPOINT_URL}
   *     is not an http(s) URL
   */
  public static AwsClients fromEnvironment(Map<String, String> env, boolean withAthena) {
    String region = env.get(REGION);
    if (region == null || region.isBlank()) {
      throw new ConfigurationException(REGION + " is not set");
    }
    Optional<URI> endpoint =
        Optional.ofNullable(env.get(ENDPOINT_URL))
            .filter(u -> !u.isBlank())
            .map(AwsClients::endpoint);
    return new AwsClients(Region.of(region.trim()), endpoint, credentials(env), withAthena);
  }

  /**
   * Checked here: the SDK takes any URI and fails on one without scheme or host only at the first
   * call.
   */
  private static URI endpoint(String url) {
    try {
      URI uri = new URI(url.trim());
      if (uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, like any other value that is not an http(s) URL
    }
    throw new ConfigurationException(ENDPOINT_URL + "=" + url + " is not an http(s) URL");
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (keyId == null || keyId.isBlank() || secret == null || secret.isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = env.get("AWS_SESSION_TOKEN");
    AwsCredentials credentials =
        token == null || token.isBlank()
            ? AwsBasicCredentials.create(keyId, secret)
            : AwsSessionCredentials.create(keyId, secret, token);
    return StaticCredentialsProvider.create(credentials);
  }

  public IamClient iam() {
    return Background.join(iam);
  }

  public SecretsManagerClient secretsManager() {
    return Background.join(secretsManager);
  }

  public SnsClient sns() {
    return Background.join(sns);
  }

  /**
   * Built on first use, on the caller's thread: only the heartbeat publishes metrics, and an
   * alarm's cold start should not pay for a client it never calls.
   */
  public synchronized CloudWatchClient cloudWatch() {
    if (cloudWatch == null) {
      cloudWatch = configure.client(CloudWatchClient.builder());
    }
    return cloudWatch;
  }

  /** Present when built with Athena. */
  public Optional<AthenaClient> athena() {
    return athena.map(Background::join);
  }

  @Override
  public void close() {
    iam().close();
    secretsManager().close();
    sns().close();
    athena().ifPresent(AthenaClient::close);
    synchronized (this) {
      if (cloudWatch != null) {
        cloudWatch.close();
      }
    }
    http.close();
  }

  /** The settings every client gets. */
  private record Configurer(
      Region region,
      Optional<URI> endpoint,
      AwsCredentialsProvider credentials,
      SdkHttpClient http,
      ClientOverrideConfiguration overrides) {

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
      builder
          .region(region)
          .credentialsProvider(credentials)
          .httpClient(http)
          .overrideConfiguration(overrides);
      endpoint.ifPresent(builder::endpointOverride);
      return builder.build();
    }
  }
}
