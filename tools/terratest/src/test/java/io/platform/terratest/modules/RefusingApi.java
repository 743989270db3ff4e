package io.platform.terratest.modules;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on loopback that records every request and refuses it, for a provider's API base
 * URL: a test that must reach no API asserts that {@link #requests()} stayed empty, and a request
 * that does come gets an error rather than a hang or a connection to the real service.
 */
final class RefusingApi implements AutoCloseable {
  private static final byte[] REFUSAL =
      "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"refused: this test reaches no API\"}],\"messages\":[],\"result\":null}"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private RefusingApi(HttpServer server) {
    this.server = server;
  }

  static RefusingApi start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      RefusingApi api = new RefusingApi(server);
      server.createContext(
          "/",
          exchange -> {
            api.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, REFUSAL.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(REFUSAL);
            }
          });
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the refusing API server", e);
    }
  }

  /** The base URL to give the provider, with {@code path} (e.g. {@code /client/v4}). */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Every request that came, as {@code METHOD /path?query}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
