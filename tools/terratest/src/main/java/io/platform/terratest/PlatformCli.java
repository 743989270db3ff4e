package io.platform.terratest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform CLI as a user runs it: its own JVM, the emulator's environment exported. */
public final class PlatformCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path workingDir;
  private final Map<String, String> environment;

  public PlatformCli(Path workingDir, AwsEndpoint aws) {
    this(workingDir, aws.environment());
  }

  public PlatformCli(Path workingDir, Map<String, String> environment) {
    this.workingDir = workingDir;
    this.environment = Map.copyOf(environment);
  }

  /** The same CLI talking to AWS through another endpoint (e.g. a proxy). */
  public PlatformCli withEndpoint(URI endpoint) {
    return with("AWS_ENDPOINT_URL", endpoint.toString());
  }

  /** The same CLI with one more environment variable. */
  public PlatformCli with(String name, String value) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put(name, value);
    return new PlatformCli(workingDir, env);
  }

  public ExecResult run(String... args) {
    return runner().run(command(args));
  }

  public Command command(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    // The test JVMs' own options (test.jvm.options in the root pom): the CLI mostly waits on
    // Terraform.
    List<String> argv = new ArrayList<>();
    for (String option : System.getProperty("platform.test.jvm.options", "").split("\\s+")) {
      if (!option.isEmpty()) {
        argv.add(option);
      }
    }
    argv.addAll(
        List.of("-jar", Repo.root().resolve("tools/platform/target/platform-cli.jar").toString()));
    argv.addAll(List.of(args));
    return Command.of(java, argv.toArray(String[]::new))
        .in(workingDir)
        .withEnvironment(environment)
        .withTimeout(Duration.ofMinutes(30));
  }

  private static ProcessRunner runner() {
    return new ProcessRunner();
  }

  public static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(Path file) {
    try {
      return digest("SHA-256", Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
