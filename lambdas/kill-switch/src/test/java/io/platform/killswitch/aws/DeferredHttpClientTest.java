package io.platform.killswitch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class DeferredHttpClientTest {

  @Test
  void namesItselfLikeTheUrlConnectionClientBeforeThatIsBuilt() {
    try (SdkHttpClient real = UrlConnectionHttpClient.create()) {
      DeferredHttpClient deferred = new DeferredHttpClient(new CompletableFuture<>());

      assertThat(deferred.clientName()).isEqualTo(real.clientName());
    }
  }

  @Test
  void closingClosesTheClientOnceBuilt() {
    boolean[] closed = {false};
    SdkHttpClient built =
        new SdkHttpClient() {
          @Override
          public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    new DeferredHttpClient(CompletableFuture.completedFuture(built)).close();

    assertThat(closed[0]).isTrue();
  }
}
