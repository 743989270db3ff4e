package io.platform.emulator;

import io.platform.exec.ProcessRunner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * moto server as a child process on a free loopback port: one endpoint for every AWS service. The
 * process is stopped by PID on {@link #close()} and, failing that, when the JVM exits.
 */
public final class MotoServer implements Emulator {

  /** moto maps this access key to its default account. */
  public static final String ACCESS_KEY_ID = "test";

  public static final String SECRET_ACCESS_KEY = "test";
  public static final String ACCOUNT_ID = "123456789012";

  private static final int START_ATTEMPTS = 3;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final AwsEndpoint endpoint;
  private final Path logFile;
  private final HttpClient http;
  private Thread shutdownHook;

  private MotoServer(Process process, AwsEndpoint endpoint, Path logFile, HttpClient http) {
    this.process = process;
    this.endpoint = endpoint;
    this.logFile = logFile;
    this.http = http;
  }

  /**
   * Starts moto server and waits until it answers. Retries on another port when the chosen one was
   * taken between probing and binding.
   */
  public static MotoServer start(Path executable, String region) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    EmulatorException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = FreePort.onLoopback();
      try {
        return startOn(executable, region, port, http);
      } catch (PortTakenException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Starts moto on the given port; package-private so that tests can pick a taken one. */
  static MotoServer startOn(Path executable, String region, int port, HttpClient http) {
    Path log;
    Process process;
    try {
      log = Files.createTempFile("moto-" + port + "-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Roles attach AWS managed policies (AmazonSSMManagedInstanceCore, AmazonEKSClusterPolicy,
      // ...); moto knows them only when asked to load them.
      builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
      process = builder.start();
    } catch (IOException e) {
      throw new EmulatorException("cannot start moto server (" + executable + "): " + e, e);
    }
    URI url = URI.create("http://127.0.0.1:" + port);
    AwsEndpoint endpoint =
        new AwsEndpoint(url, region, ACCESS_KEY_ID, SECRET_ACCESS_KEY, ACCOUNT_ID);
    MotoServer server = new MotoServer(process, endpoint, log, http);
    server.shutdownHook = new Thread(server::stopProcess, "moto-shutdown");
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    server.awaitHealthy();
    return server;
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String output = logTail();
        close();
        if (output.contains("Address already in use")) {
          throw new PortTakenException(output);
        }
        throw new EmulatorException("moto server exited at start: " + output);
      }
      // Whoever answers on the port must be this process: a server that took the port between
      // probing and binding would answer too, while this one is about to fail its bind.
      if (boundItsPort() && answers()) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    close();
    throw new EmulatorException(
        "moto server did not answer within " + START_TIMEOUT.toSeconds() + " s");
  }

  private boolean answers() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint.url().resolve("/moto-api/"))
              .timeout(Duration.ofSeconds(2))
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorException("interrupted while waiting for moto server", e);
    }
  }

  @Override
  public AwsEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.of(process.pid());
  }

  @Override
  public void reset() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint.url().resolve("/moto-api/reset"))
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new EmulatorException("moto reset answered HTTP " + status);
      }
    } catch (IOException e) {
      throw new EmulatorException("cannot reset moto server: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorException("interrupted while resetting moto server", e);
    }
  }

  /**
   * Leaves the server running after this JVM exits (for {@code platform emulator start}); it must
   * then be stopped with {@link #stop(long)}.
   */
  public MotoServer detach() {
    removeShutdownHook();
    return this;
  }

  @Override
  public void close() {
    removeShutdownHook();
    stopProcess();
  }

  /**
   * Stops a detached moto server by PID. Refuses a PID that now belongs to some other program,
   * since PIDs are reused. Returns false when no such process was running.
   */
  public static boolean stop(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    String commandLine = handle.get().info().commandLine().orElse("");
    if (!commandLine.contains("moto")) {
      throw new EmulatorException("PID " + pid + " is not a moto server: " + commandLine);
    }
    ProcessRunner.stop(handle.get());
    return true;
  }

  private void stopProcess() {
    if (process.isAlive()) {
      ProcessRunner.stop(process.toHandle());
    }
    try {
      Files.deleteIfExists(logFile);
    } catch (IOException e) {
      // A leftover log in the temp directory is harmless.
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and runs the hook itself.
      }
      shutdownHook = null;
    }
  }

  /** moto (werkzeug) logs its address once the socket is bound. */
  private boolean boundItsPort() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8)
          .contains("Running on " + endpoint.url().toString().replaceAll("/$", ""));
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorException("interrupted while waiting for moto server", e);
    }
  }

  static final class PortTakenException extends EmulatorException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String output) {
      super("moto server could not bind its port: " + output);
    }
  }
}
