package io.platform.migrate.apply;

import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import io.platform.terraform.InitGate;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.Toolchain;
import io.platform.toolchain.ToolsByName;
import io.platform.verify.Verifier;
import io.platform.verify.VerifyListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Terragrunt and Terraform as seen through their command lines, every call recorded as {@code tool
 * args @ directory-name}. Render names a source, init leaves a source copy, the local-copy plan
 * ({@code terraform show -json} in that copy) and the plan of the unit itself ({@code terragrunt
 * plan -json}, then {@code terragrunt show -json}) answer with what the test gave for the unit
 * (real captures from {@code /plans}, clean by default), and an apply of the local copy rewrites
 * the state file its backend override points at.
 */
final class FakeEngine {
  static final String CLEAN_PLAN = capture("terraform-clean.json");
  static final String CLEAN_STREAM = capture("terraform-clean.jsonl");
  static final String CHANGES_PLAN = capture("terraform-changes.json");
  static final String CHANGES_STREAM = capture("terraform-changes.jsonl");

  private static final Toolchain TOOLCHAIN = ToolsByName.TERRAFORM;

  /** Every call in order; units run side by side. */
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** The local backend override as each local-copy plan saw it. */
  final List<String> backendAtPlan = Collections.synchronizedList(new ArrayList<>());

  private final InitGate gate = new InitGate();
  private final Map<String, String> localPlans = new HashMap<>();
  private final Map<String, String[]> unitPlans = new HashMap<>();
  private final Map<String, String> failures = new HashMap<>();
  private UnaryOperator<String> localApply = state -> state;

  /** {@code terraform show -json} of the unit's local-copy plan prints {@code planJson}. */
  FakeEngine localPlan(String unit, String planJson) {
    localPlans.put(unit, planJson);
    return this;
  }

  /** The unit's own plan streams {@code stream}; its {@code show -json} prints {@code planJson}. */
  FakeEngine unitPlan(String unit, String stream, String planJson) {
    unitPlans.put(unit, new String[] {stream, planJson});
    return this;
  }

  /** Calls that start with {@code call} (as recorded, directory aside) fail with {@code stderr}. */
  FakeEngine failing(String call, String stderr) {
    failures.put(call, stderr);
    return this;
  }

  /** What an apply of the local copy makes of the state it was planned against. */
  FakeEngine onLocalApply(UnaryOperator<String> apply) {
    localApply = apply;
    return this;
  }

  ScratchCopyVerifier localCopyVerifier() {
    return new ScratchCopyVerifier(
        terragrunt(), new Terraform(this::run, TOOLCHAIN, Map.of()), Duration.ofMinutes(1), gate);
  }

  MigrationApplier.Tools tools() {
    return new MigrationApplier.Tools(
        localCopyVerifier(),
        new Materializer(terragrunt(), Duration.ofMinutes(1), gate),
        new Verifier(
            terragrunt(),
            new Verifier.Options(1, Duration.ofMinutes(1), Duration.ofSeconds(1)),
            VerifyListener.NONE,
            gate));
  }

  private Terragrunt terragrunt() {
    CommandRunner runner = this::run;
    return new Terragrunt(runner, TOOLCHAIN, Map.of());
  }

  private ExecResult run(Command command) {
    List<String> argv = command.argv();
    String tool = Path.of(argv.get(0)).getFileName().toString();
    String verb = argv.get(1);
    String unit = command.workingDir().getFileName().toString();
    String call = tool + " " + String.join(" ", argv.subList(1, argv.size()));
    calls.add(call + " @ " + unit);
    for (Map.Entry<String, String> failure : failures.entrySet()) {
      if (call.startsWith(failure.getKey())) {
        return new ExecResult(command, 1, "", failure.getValue(), Duration.ZERO, false);
      }
    }
    boolean inCopy = argv.contains("--download-dir");
    String stdout = "";
    if (tool.equals("terragrunt") && verb.equals("render")) {
      stdout = "{\"terraform\": {\"source\": \"/repo/live/../modules//" + unit + "\"}}";
    } else if (tool.equals("terragrunt") && verb.equals("init") && inCopy) {
      createDirectories(sourceCopy(argv, command.workingDir()));
    } else if (tool.equals("terragrunt") && verb.equals("plan") && inCopy) {
      backendAtPlan.add(
          read(sourceCopy(argv, command.workingDir()).resolve(ScratchCopyVerifier.OVERRIDE)));
    } else if (tool.equals("terragrunt") && verb.equals("apply") && inCopy) {
      String override =
          read(sourceCopy(argv, command.workingDir()).resolve(ScratchCopyVerifier.OVERRIDE));
      Path state = Path.of(override.replaceAll("(?s).*path = \"([^\"]+)\".*", "$1"));
      write(state, localApply.apply(read(state)));
    } else if (tool.equals("terraform") && verb.equals("show")) {
      stdout = localPlans.getOrDefault(unit, CLEAN_PLAN);
    } else if (tool.equals("terragrunt") && verb.equals("plan")) {
      stdout = unitPlans.getOrDefault(unit, new String[] {CLEAN_STREAM})[0];
    } else if (tool.equals("terragrunt") && verb.equals("show")) {
      stdout = unitPlans.getOrDefault(unit, new String[] {CLEAN_STREAM, CLEAN_PLAN})[1];
    }
    return new ExecResult(command, 0, stdout, "", Duration.ZERO, false);
  }

  private static Path sourceCopy(List<String> argv, Path unitDir) {
    return Path.of(argv.get(argv.indexOf("--download-dir") + 1))
        .resolve("h1/h2")
        .resolve(unitDir.getFileName());
  }

  private static String capture(String name) {
    try (InputStream in = FakeEngine.class.getResourceAsStream("/plans/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
