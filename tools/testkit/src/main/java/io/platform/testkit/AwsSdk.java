package io.platform.testkit;

import io.platform.emulator.AwsEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS SDK clients that talk to the emulator, for assertions against the real API. */
public final class AwsSdk {
  private AwsSdk() {}

  /**
   * Configures any SDK client builder for the emulator, e.g. {@code
   * AwsSdk.client(Ec2Client.builder(), endpoint)}.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, AwsEndpoint endpoint) {
    return builder
        .endpointOverride(endpoint.url())
        .region(Region.of(endpoint.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** S3 needs path-style addressing: an IP-address endpoint has no virtual-host form. */
  public static S3Client s3(AwsEndpoint endpoint) {
    return client(S3Client.builder().forcePathStyle(true), endpoint);
  }
}
