package io.platform.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs commands as child processes, capturing both streams concurrently. */
public final class ProcessRunner implements CommandRunner {

  /** How long a process gets to exit after SIGTERM before it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Override
  public ExecResult run(Command command) {
    ProcessBuilder builder = new ProcessBuilder(command.argv());
    if (command.workingDir() != null) {
      builder.directory(command.workingDir().toFile());
    }
    Map<String, String> env = builder.environment();
    env.putAll(command.environment());
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ExecException("cannot start " + command.argv().get(0) + ": " + e.getMessage(), e);
    }
    closeQuietly(process);
    CompletableFuture<String> stdout = drain(process.getInputStream(), command.lineListener());
    CompletableFuture<String> stderr = drain(process.getErrorStream(), command.lineListener());
    boolean timedOut = false;
    try {
      if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        stop(process.toHandle());
      }
      int exit = process.waitFor();
      return new ExecResult(
          command,
          exit,
          stdout.get(),
          stderr.get(),
          Duration.ofNanos(System.nanoTime() - started),
          timedOut);
    } catch (InterruptedException e) {
      stop(process.toHandle());
      Thread.currentThread().interrupt();
      throw new ExecException("interrupted while running " + command.argv().get(0), e);
    } catch (ExecutionException e) {
      throw new ExecException("cannot read the output of " + command.argv().get(0), e.getCause());
    }
  }

  /**
   * Asks a process tree to stop (SIGTERM, so Terraform can release its state lock), then kills
   * whatever is still alive after a grace period.
   */
  public static void stop(ProcessHandle root) {
    root.descendants().forEach(ProcessHandle::destroy);
    root.destroy();
    try {
      root.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      root.descendants().forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
    }
  }

  /** Tools never get input from us: an open stdin would let a prompt hang the run. */
  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The process already exited; nothing to close.
    }
  }

  private static CompletableFuture<String> drain(InputStream stream, Consumer<String> listener) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              StringBuilder text = new StringBuilder();
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  text.append(line).append('\n');
                  if (listener != null) {
                    listener.accept(line);
                  }
                }
                result.complete(text.toString());
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "exec-drain");
    reader.setDaemon(true);
    reader.start();
    return result;
  }
}
