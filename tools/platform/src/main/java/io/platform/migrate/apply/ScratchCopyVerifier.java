package io.platform.migrate.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.ErrorLines;
import io.platform.exec.ExecException;
import io.platform.exec.ExecResult;
import io.platform.live.Unit;
import io.platform.migrate.address.HclString;
import io.platform.migrate.storage.PrivateFiles;
import io.platform.terraform.InitGate;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.verify.PlanClassifier;
import io.platform.verify.PlanSummary;
import io.platform.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plans a unit against a local copy of the state it is about to receive, before anything is pushed.
 * Terragrunt prepares the unit in a private download directory (source, generated provider and
 * backend files), an override file switches the backend to the local copy, and Terragrunt plans it
 * there without initialising again: the unit's inputs (dependency outputs included) and its hooks
 * (e.g. a file copied next to the configuration) are those of any plan of the unit. The unit's own
 * cache and remote state are not touched.
 *
 * <p>When asked, a plan that changes nothing but root outputs is applied there, to the local copy:
 * the state then pushed already holds the outputs that dependent units read, and the unit needs no
 * second plan against its remote state before the one that proves it clean.
 */
public final class ScratchCopyVerifier {
  static final String OVERRIDE = "platform_migrate_local_backend_override.tf";

  private final Terragrunt terragrunt;
  private final Terraform terraform;
  private final Duration timeout;
  private final InitGate inits;

  public ScratchCopyVerifier(
      Terragrunt terragrunt, Terraform terraform, Duration timeout, InitGate inits) {
    this.terragrunt = terragrunt;
    this.terraform = terraform;
    this.timeout = timeout;
    this.inits = inits;
  }

  /**
   * The outcome of planning against the local copy.
   *
   * @param summary the classified plan
   * @param state the state to push: the copy planned against, with its outputs written when {@link
   *     #outputsWritten}
   * @param outputsWritten the plan was output-only and was applied to the copy
   */
  @SuppressWarnings("ArrayRecordComponent") // handed on to the push, never compared
  public record LocalPlan(PlanSummary summary, byte[] state, boolean outputsWritten) {}

  /**
   * Plans {@code unit} against {@code state}; with {@code writeOutputs}, an output-only plan is
   * applied to that copy. Work files live under {@code scratch}.
   */
  public LocalPlan verify(Unit unit, byte[] state, Path scratch, boolean writeOutputs) {
    // Unique: units planned side by side share the scratch directory.
    Path work = PrivateFiles.directory(scratch, "local-" + unit.name().replace('/', '_') + "-");
    try {
      Path download = work.resolve("download");
      Path stateFile = work.resolve("unit.tfstate");
      PrivateFiles.write(stateFile, state);
      JsonNode config = terragrunt.render(unit.dir());
      run(
          inits.init(
              unit.dir(),
              () -> terragrunt.init(unit.dir(), timeout, "--download-dir", download.toString())),
          "terragrunt init");
      Path workingDir = workingDir(download, config.path("terraform").path("source").asText(""));
      Files.writeString(
          workingDir.resolve(OVERRIDE),
          "terraform {\n  backend \"local\" {\n    path = "
              + HclString.quote(stateFile.toString())
              + "\n  }\n}\n",
          StandardCharsets.UTF_8);
      run(
          terraform.run(workingDir, timeout, "init", "-reconfigure", "-input=false"),
          "terraform init (local copy)");
      Path plan = work.resolve("local.tfplan");
      // Not Terraform directly: only a Terragrunt plan runs the unit's plan hooks.
      run(inDownload(unit, download, "plan", "-out=" + plan), "terraform plan (local copy)");
      PlanSummary summary =
          PlanClassifier.classify(
              terraform.json(workingDir, timeout, "show", "-json", plan.toString()));
      if (!writeOutputs || summary.verdict() != Verdict.OUTPUT_ONLY) {
        return new LocalPlan(summary, state, false);
      }
      // Exactly the saved plan, so no resource can change; through Terragrunt for the unit's hooks.
      run(
          inDownload(unit, download, "apply", plan.toString()),
          "terraform apply of the output-only plan (local copy)");
      return new LocalPlan(summary, Files.readAllBytes(stateFile), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the local plan of " + unit.name(), e);
    } finally {
      PrivateFiles.delete(work);
    }
  }

  /**
   * A Terragrunt command on the copy in {@code download}, against the local backend initialised
   * there: no auto-init, which would see the S3 backend Terragrunt generates differ from it.
   */
  private ExecResult inDownload(Unit unit, Path download, String command, String argument) {
    return terragrunt.run(
        unit.dir(),
        timeout,
        null,
        command,
        "--download-dir",
        download.toString(),
        "--no-auto-init",
        "--",
        "-input=false",
        "-lock=false",
        argument);
  }

  private static void run(ExecResult result, String what) {
    if (!result.succeeded()) {
      throw new ExecException(
          what + ": " + ErrorLines.firstUseful(result.stderr(), result.stdout()), null);
    }
  }

  /**
   * The directory Terragrunt runs Terraform in: {@code <download>/<hash>/<hash>}, then the source's
   * subdirectory (after {@code //}) if it names one. A unit with dependencies finds a copy per
   * dependency beside its own (Terragrunt initialises those to read their outputs): its own is the
   * one initialised in the unit's source directory.
   */
  static Path workingDir(Path download, String source) throws IOException {
    // "git::https://host/repo.git//modules/vpc?ref=v1": the "//" after any scheme's.
    int scheme = source.indexOf("://");
    int subdir = source.indexOf("//", scheme < 0 ? 0 : scheme + 3);
    String path = subdir < 0 ? "" : source.substring(subdir + 2);
    int query = path.indexOf('?');
    String relative = query < 0 ? path : path.substring(0, query);
    List<Path> copies;
    try (Stream<Path> dirs = Files.walk(download, 2)) {
      copies =
          dirs.filter(p -> download.relativize(p).getNameCount() == 2 && Files.isDirectory(p))
              .sorted()
              .map(copy -> relative.isEmpty() ? copy : copy.resolve(relative))
              .toList();
    }
    if (copies.isEmpty()) {
      throw new ExecException("terragrunt init left no source copy under " + download, null);
    }
    return copies.stream()
        .filter(dir -> Files.isDirectory(dir.resolve(".terraform")))
        .findFirst()
        .orElse(copies.get(0));
  }
}
