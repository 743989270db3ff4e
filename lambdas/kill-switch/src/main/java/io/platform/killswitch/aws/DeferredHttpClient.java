package io.platform.killswitch.aws;

import io.platform.killswitch.startup.Background;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP client while it is still being built. Building the URL-connection client is mostly TLS
 * set-up (security providers, the JDK's trust store, the SSL context: a fifth of a second of CPU in
 * a cold JVM); the service clients only keep a reference to it until their first call, so they are
 * built meanwhile.
 */
final class DeferredHttpClient implements SdkHttpClient {
  /**
   * What {@code UrlConnectionHttpClient} calls itself: the SDK asks for it (for the user agent)
   * while it builds a client, before the real one may be there.
   */
  static final String NAME = "UrlConnection";

  private final CompletableFuture<SdkHttpClient> client;

  DeferredHttpClient(CompletableFuture<SdkHttpClient> client) {
    this.client = client;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return Background.join(client).prepareRequest(request);
  }

  @Override
  public String clientName() {
    return NAME;
  }

  @Override
  public void close() {
    Background.join(client).close();
  }
}
