package io.platform.terratest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell script against a scratch filesystem root with chosen commands replaced by stubs on
 * PATH. Every stub records its argument vector before doing what it was given to do, so a test can
 * assert what the script ran and with which arguments.
 */
public final class ScriptSandbox {
  /** Separates a recorded call's arguments (never part of an argument here). */
  private static final String SEPARATOR = "\u001f";

  private final Path root;
  private final Path bin;
  private final Path calls;

  /** A finished run: exit code and everything the script printed. */
  public record Run(int exitCode, String output) {}

  /** One recorded call of a stub: its name and arguments. */
  public record Call(String command, List<String> args) {
    public String line() {
      return command + " " + String.join(" ", args);
    }
  }

  private ScriptSandbox(Path root, Path bin, Path calls) {
    this.root = root;
    this.bin = bin;
    this.calls = calls;
  }

  /**
   * A sandbox under {@code dir}: {@code root/} is the script's filesystem, {@code bin/} the stubs.
   */
  public static ScriptSandbox in(Path dir) {
    try {
      return new ScriptSandbox(
          Files.createDirectories(dir.resolve("root")),
          Files.createDirectories(dir.resolve("bin")),
          dir.resolve("calls.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** Creates directories below the scratch root, as the real system has them. */
  public ScriptSandbox directories(String... relative) {
    for (String dir : relative) {
      try {
        Files.createDirectories(root.resolve(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  /**
   * Replaces {@code command} with a stub that records its arguments, then runs {@code body} (bash,
   * with the arguments in "$@").
   */
  public ScriptSandbox stub(String command, String body) {
    String script =
        "#!/bin/bash\n"
            + "{ printf '%s' "
            + quote(command)
            + "; for a in \"$@\"; do printf '"
            + SEPARATOR
            + "%s' \"$a\"; done; printf '\\n'; } >>"
            + quote(calls.toString())
            + "\n"
            + body
            + "\n";
    Path stub = bin.resolve(command);
    try {
      Files.writeString(stub, script, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Puts a real program on the script's PATH under {@code command}, ahead of the machine's. */
  public ScriptSandbox tool(String command, Path program) {
    try {
      Files.deleteIfExists(bin.resolve(command));
      Files.createSymbolicLink(bin.resolve(command), program.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Runs {@code script} with bash, the stubs first on PATH and {@code environment} added. */
  public Run run(Path script, Map<String, String> environment, Duration timeout) {
    return run(script, List.of(), environment, timeout);
  }

  /** Runs {@code script} with arguments, the stubs first on PATH and {@code environment} added. */
  public Run run(
      Path script, List<String> args, Map<String, String> environment, Duration timeout) {
    Path output = calls.resolveSibling("output.log");
    List<String> argv = new ArrayList<>(List.of("bash", script.toString()));
    argv.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the script did not finish within " + timeout.toSeconds() + " s");
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Every recorded stub call, in order. */
  public List<Call> calls() {
    if (!Files.exists(calls)) {
      return List.of();
    }
    try {
      List<Call> result = new ArrayList<>();
      for (String line : Files.readAllLines(calls, StandardCharsets.UTF_8)) {
        List<String> parts = Arrays.asList(line.split(SEPARATOR, -1));
        result.add(new Call(parts.get(0), List.copyOf(parts.subList(1, parts.size()))));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded calls of one command. */
  public List<Call> calls(String command) {
    return calls().stream().filter(c -> c.command().equals(command)).toList();
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
