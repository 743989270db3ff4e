package io.platform.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A process to run: argument vector, working directory, environment overrides, timeout and an
 * optional listener that sees each output line as it arrives (for progress, never for parsing; it
 * is called from the stdout and the stderr reader threads, so it must be thread-safe).
 */
public record Command(
    List<String> argv,
    Path workingDir,
    Map<String, String> environment,
    Duration timeout,
    Consumer<String> lineListener) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  public Command {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs a program");
    }
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
  }

  public static Command of(String program, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(program);
    argv.addAll(List.of(args));
    return new Command(argv, null, Map.of(), DEFAULT_TIMEOUT, null);
  }

  public Command withArgs(List<String> more) {
    List<String> argv = new ArrayList<>(this.argv);
    argv.addAll(more);
    return new Command(argv, workingDir, environment, timeout, lineListener);
  }

  public Command in(Path dir) {
    return new Command(argv, dir, environment, timeout, lineListener);
  }

  /** Adds environment variables on top of the inherited environment (later wins). */
  public Command withEnvironment(Map<String, String> more) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.putAll(more);
    return new Command(argv, workingDir, env, timeout, lineListener);
  }

  public Command withTimeout(Duration limit) {
    return new Command(argv, workingDir, environment, limit, lineListener);
  }

  public Command onLine(Consumer<String> listener) {
    return new Command(argv, workingDir, environment, timeout, listener);
  }

  /** The command as a person would type it, for messages. */
  public String display() {
    return String.join(" ", argv);
  }
}
