package io.platform.testkit;

import io.platform.emulator.AwsEndpoint;
import io.platform.emulator.Emulator;
import io.platform.emulator.EmulatorException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a Docker container, behind the same interface as moto. Opt-in only: it needs a
 * Docker engine and, since March 2026, a LocalStack auth token (LOCALSTACK_AUTH_TOKEN).
 */
final class LocalStackEmulator implements Emulator {
  static final String IMAGE = "localstack/localstack:4.4";
  static final String TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";

  private final LocalStackContainer container;
  private final AwsEndpoint endpoint;

  private LocalStackEmulator(LocalStackContainer container, AwsEndpoint endpoint) {
    this.container = container;
    this.endpoint = endpoint;
  }

  static LocalStackEmulator start(String region) {
    String token = System.getenv(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new EmulatorException("LocalStack needs " + TOKEN_VARIABLE + " (and a Docker engine)");
    }
    LocalStackContainer container =
        new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withEnv(TOKEN_VARIABLE, token)
            .withEnv("DEFAULT_REGION", region);
    container.start();
    AwsEndpoint endpoint =
        new AwsEndpoint(
            container.getEndpoint(),
            region,
            container.getAccessKey(),
            container.getSecretKey(),
            "000000000000");
    return new LocalStackEmulator(container, endpoint);
  }

  @Override
  public AwsEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public void reset() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint.url().resolve("/_localstack/state/reset"))
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new EmulatorException("cannot reset LocalStack: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorException("interrupted while resetting LocalStack", e);
    }
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    container.stop();
  }
}
