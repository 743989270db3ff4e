package io.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointCheckTest {
  @Test
  void anEndpointThatAnswersPassesAtOnceAndSaysNothing() throws IOException {
    List<String> said = new ArrayList<>();
    try (ServerSocket listening = new ServerSocket(0)) {
      EndpointCheck.requireAnswering(
          URI.create("http://127.0.0.1:" + listening.getLocalPort()),
          Duration.ofSeconds(5),
          said::add);
    }
    assertThat(said).isEmpty();
  }

  @Test
  void aDeadEndpointIsNamedAfterTheWaitWhichIsAnnounced() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> said = new ArrayList<>();
    URI dead = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(
            () -> EndpointCheck.requireAnswering(dead, Duration.ofMillis(1500), said::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("AWS_ENDPOINT_URL " + dead + " does not answer (")
        .hasMessageEndingWith("eval \"$(scripts/platform emulator env)\"");
    assertThat(said)
        .containsExactly("waiting up to 1 s for AWS_ENDPOINT_URL " + dead + " to answer");
  }
}
