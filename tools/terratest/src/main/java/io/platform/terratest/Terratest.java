package io.platform.terratest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terraform.Terraform;
import io.platform.toolchain.Toolchain;
import io.platform.verify.PlanClassifier;
import io.platform.verify.PlanSummary;
import io.platform.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terratest for Java: drives one Terraform root module (a module's example) against the emulator
 * through init, apply, outputs, an idempotency plan and destroy. Close it (e.g. with
 * try-with-resources) to destroy whatever was applied, also when an assertion failed.
 */
public final class Terratest implements AutoCloseable {
  /** Variables go to a file in the module directory, so that any type round-trips. */
  static final String VARS_FILE = "terratest.auto.tfvars.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  private final Path dir;
  private final Terraform terraform;
  private final Map<String, Object> vars = new LinkedHashMap<>();
  private final StringBuilder log = new StringBuilder();
  private boolean applied;

  private Terratest(Path dir, Terraform terraform) {
    this.dir = dir;
    this.terraform = terraform;
  }

  /**
   * @param dir the root module to run, normally a copy made with {@link Repo#copy}
   */
  public static Terratest of(Path dir, AwsEndpoint endpoint) {
    return of(dir, endpoint, Map.of());
  }

  /**
   * Like {@link #of(Path, AwsEndpoint)}, with more environment for Terraform (another provider's
   * settings).
   */
  public static Terratest of(Path dir, AwsEndpoint endpoint, Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>(endpoint.environment());
    env.putAll(environment);
    return new Terratest(dir, new Terraform(new ProcessRunner(), Toolchain.locate(), env));
  }

  /** Sets an input variable; values may be strings, numbers, booleans, lists and maps. */
  public Terratest var(String name, Object value) {
    vars.put(name, value);
    return this;
  }

  public Terratest init() {
    writeVars();
    run("init", "-input=false");
    return this;
  }

  public Terratest initAndApply() {
    init();
    return apply();
  }

  /** Applies, with extra arguments such as {@code -target=ADDRESS}. */
  public Terratest apply(String... extraArgs) {
    writeVars();
    applied = true;
    run(concat(List.of("apply", "-input=false", "-auto-approve"), extraArgs));
    return this;
  }

  /** {@code terraform validate} of the initialised module; fails on any error. */
  public Terratest validate() {
    run("validate", "-no-color");
    return this;
  }

  /**
   * Applies, then plans again and fails unless that plan is clean: the module converges in one
   * apply and the provider reads back what it wrote.
   */
  public Terratest applyAndIdempotent() {
    initAndApply();
    PlanSummary second = plan();
    if (second.verdict() != Verdict.CLEAN) {
      throw new AssertionError(
          "second plan is "
              + second.verdict().label()
              + ", not clean: changes "
              + second.changes()
              + ", drift "
              + second.drifted()
              + ", outputs "
              + second.changedOutputs());
    }
    return this;
  }

  /**
   * Plans against the current state and classifies the plan. A failed plan throws with Terraform's
   * errors as it prints them for people, on stderr.
   */
  public PlanSummary plan(String... extraArgs) {
    return PlanClassifier.classify(planned(List.of(), extraArgs));
  }

  /**
   * Plans (with extra arguments such as {@code -target=ADDRESS}) and returns Terraform's JSON
   * representation of the plan ({@code terraform show -json}). The plan streams Terraform's JSON
   * messages, so its diagnostics are in {@link #diagnostics()}.
   */
  public JsonNode planJson(String... extraArgs) {
    return planned(List.of("-json"), extraArgs);
  }

  private JsonNode planned(List<String> format, String... extraArgs) {
    writeVars();
    Path planFile = dir.resolve("terratest.tfplan");
    List<String> args = new ArrayList<>(List.of("plan", "-input=false", "-out=" + planFile));
    args.addAll(format);
    run(concat(args, extraArgs));
    try {
      return terraform.json(dir, TIMEOUT, "show", "-json", planFile.toString());
    } finally {
      delete(planFile);
    }
  }

  /**
   * The diagnostics (warnings and errors) Terraform streamed so far, as its JSON messages give
   * them.
   */
  public List<JsonNode> diagnostics() {
    List<JsonNode> diagnostics = new ArrayList<>();
    for (String line : log.toString().split("\n")) {
      if (line.startsWith("{")) {
        try {
          JsonNode message = JSON.readTree(line);
          if ("diagnostic".equals(message.path("type").asText())) {
            diagnostics.add(message.path("diagnostic"));
          }
        } catch (IOException e) {
          // Not one of Terraform's JSON messages.
        }
      }
    }
    return diagnostics;
  }

  /** Everything the Terraform commands of this run printed, standard output and error. */
  public String log() {
    return log.toString();
  }

  public JsonNode outputs() {
    return terraform.json(dir, TIMEOUT, "output", "-json");
  }

  /** A root output's value as text (strings as they are, anything else as JSON). */
  public String output(String name) {
    JsonNode value = outputValue(name);
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** A root output that holds a list of strings. */
  public List<String> outputList(String name) {
    List<String> values = new ArrayList<>();
    outputValue(name).forEach(v -> values.add(v.asText()));
    return values;
  }

  public void destroy() {
    writeVars();
    run("destroy", "-input=false", "-auto-approve");
    applied = false;
  }

  @Override
  public void close() {
    if (applied) {
      destroy();
    }
  }

  public Path dir() {
    return dir;
  }

  private JsonNode outputValue(String name) {
    JsonNode output = outputs().path(name);
    if (output.isMissingNode()) {
      throw new AssertionError("the module has no output '" + name + "'");
    }
    return output.path("value");
  }

  private ExecResult run(String... args) {
    ExecResult result = terraform.run(dir, TIMEOUT, args);
    log.append(result.stdout()).append('\n').append(result.stderr()).append('\n');
    return result.requireSuccess();
  }

  private static String[] concat(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private void writeVars() {
    try {
      JSON.writeValue(dir.resolve(VARS_FILE).toFile(), vars);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + VARS_FILE, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
