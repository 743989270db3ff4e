package io.platform.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Whether an endpoint override (AWS_ENDPOINT_URL, the emulator) answers, before any tool is started
 * against it: the AWS provider retries a dead endpoint for minutes and then reports something else.
 * Waits a bounded time, for an emulator that is still starting, and says so.
 */
public final class EndpointCheck {
  private static final Duration SAY_AFTER = Duration.ofSeconds(1);
  private static final Duration PAUSE = Duration.ofMillis(200);

  private EndpointCheck() {}

  /**
   * @throws IllegalStateException naming the endpoint when nothing accepts a connection in {@code
   *     patience}
   */
  public static void requireAnswering(URI endpoint, Duration patience, Consumer<String> progress) {
    int port =
        endpoint.getPort() >= 0
            ? endpoint.getPort()
            : "https".equals(endpoint.getScheme()) ? 443 : 80;
    long started = System.nanoTime();
    boolean said = false;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(endpoint.getHost(), port), (int) PAUSE.toMillis());
        return;
      } catch (IOException e) {
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        if (waited.compareTo(patience) >= 0) {
          throw new IllegalStateException(
              "AWS_ENDPOINT_URL "
                  + endpoint
                  + " does not answer ("
                  + e.getMessage()
                  + ", for "
                  + patience.toSeconds()
                  + " s): for the emulator, scripts/platform emulator start, then"
                  + " eval \"$(scripts/platform emulator env)\"");
        }
        if (!said && waited.compareTo(SAY_AFTER) >= 0) {
          progress.accept(
              "waiting up to "
                  + patience.toSeconds()
                  + " s for AWS_ENDPOINT_URL "
                  + endpoint
                  + " to answer");
          said = true;
        }
        try {
          Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + endpoint, interrupted);
        }
      }
    }
  }
}
