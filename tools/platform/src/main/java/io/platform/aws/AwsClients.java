package io.platform.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
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
  private final SdkHttpClient http = UrlConnectionHttpClient.create();

  /**
   * @param endpoint null for AWS itself
   * @param credentials where keys come from; see {@link #defaultCredentials()}
   */
  public AwsClients(String region, URI endpoint, AwsCredentialsProvider credentials) {
    this.region = Region.of(region);
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /** The SDK's default chain: environment, profile, SSO, container or instance role. */
  public static AwsCredentialsProvider defaultCredentials() {
    return DefaultCredentialsProvider.builder().build();
  }

  /** Fixed keys, for the emulator's test account. */
  public static AwsCredentialsProvider staticCredentials(String accessKeyId, String secretAccessKey) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
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
    builder.region(region).credentialsProvider(credentials).httpClient(http).overrideConfiguration(retries());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private static ClientOverrideConfiguration retries() {
    return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build();
  }

  @Override
  public void close() {
    http.close();
  }
}
