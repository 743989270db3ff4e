package io.platform.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** AWS SDK clients for one region, with an optional endpoint override (the emulator). */
public final class AwsClients implements AutoCloseable {
  private final Region region;
  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final Duration attemptTimeout;
  private final SdkHttpClient http = UrlConnectionHttpClient.create();

  /**
   * @param endpoint null for AWS itself
   * @param credentials where keys come from; see {@link #defaultCredentials()}
   */
  public AwsClients(String region, URI endpoint, AwsCredentialsProvider credentials) {
    this(region, endpoint, credentials, null);
  }

  /**
   * @param attemptTimeout limit for one attempt of an API call, or null for the SDK default; a
   *     writer that must notice an unreachable endpoint (and release its lock) sets one
   */
  public AwsClients(
      String region, URI endpoint, AwsCredentialsProvider credentials, Duration attemptTimeout) {
    this.region = Region.of(region);
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.attemptTimeout = attemptTimeout;
  }

  /** The SDK's default chain: environment, profile, SSO, container or instance role. */
  public static AwsCredentialsProvider defaultCredentials() {
    return DefaultCredentialsProvider.builder().build();
  }

  /** Fixed keys, for the emulator's test account. */
  public static AwsCredentialsProvider staticCredentials(
      String accessKeyId, String secretAccessKey) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }

  public S3Client s3() {
    // An IP-address endpoint has no virtual-host form.
    return build(S3Client.builder().forcePathStyle(endpoint != null));
  }

  public DynamoDbClient dynamoDb() {
    return build(DynamoDbClient.builder());
  }

  public IamClient iam() {
    return build(IamClient.builder());
  }

  public SecretsManagerClient secretsManager() {
    return build(SecretsManagerClient.builder());
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(overrides());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private ClientOverrideConfiguration overrides() {
    var config = ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD);
    if (attemptTimeout != null) {
      config.apiCallAttemptTimeout(attemptTimeout);
    }
    return config.build();
  }

  @Override
  public void close() {
    http.close();
  }
}
