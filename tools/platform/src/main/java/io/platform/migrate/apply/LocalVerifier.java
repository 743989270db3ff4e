package io.platform.migrate.apply;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Plans a unit against a local copy of the state it is about to receive, before anything is
 * pushed. Terragrunt prepares the unit in a private download directory (source, generated
 * provider and backend files), an override file switches the backend to the local copy, and
 * Terragrunt plans it there without initialising again: the unit's inputs (dependency outputs
 * included) and its hooks (e.g. a file copied next to the configuration) are those of any plan
 * of the unit. The unit's own cache and remote state are not touched.
 */
public final class LocalVerifier {
  static final String OVERRIDE = "platform_migrate_local_backend_override.tf";

  private final Terragrunt terragrunt;
  private final Terraform terraform;
  private final Duration timeout;
  private final InitGate inits;

  public LocalVerifier(Terragrunt terragrunt, Terraform terraform, Duration timeout, InitGate inits) {
    this.terragrunt = terragrunt;
    this.terraform = terraform;
    this.timeout = timeout;
    this.inits = inits;
  }

  /** The classified plan of {@code unit} against {@code state}; work files live under {@code scratch}. */
  public PlanSummary verify(Unit unit, byte[] state, Path scratch) {
    // Unique: units planned side by side share the scratch directory.
    Path work = PrivateFiles.directory(scratch, "local-" + unit.name().replace('/', '_') + "-");
    try {
      Path download = work.resolve("download");
      Path stateFile = work.resolve("unit.tfstate");
      PrivateFiles.write(stateFile, state);
      JsonNode config = terragrunt.render(unit.dir());
      run(inits.init(unit.dir(), () -> terragrunt.init(unit.dir(), timeout, "--download-dir", download.toString())), "terragrunt init");
      Path workingDir = workingDir(download, config.path("terraform").path("source").asText(""));
      Files.writeString(workingDir.resolve(OVERRIDE),
          "terraform {\n  backend \"local\" {\n    path = " + HclString.quote(stateFile.toString()) + "\n  }\n}\n", StandardCharsets.UTF_8);
      run(terraform.run(workingDir, timeout, "init", "-reconfigure", "-input=false"), "terraform init (local copy)");
      Path plan = work.resolve("local.tfplan");
      // Not Terraform directly: only a Terragrunt plan runs the unit's plan hooks. No auto-init,
      // which would see the S3 backend it generates differ from the local one initialised here.
      run(terragrunt.run(unit.dir(), timeout, null, "plan", "--download-dir", download.toString(), "--no-auto-init",
              "--", "-input=false", "-lock=false", "-out=" + plan),
          "terraform plan (local copy)");
      return PlanClassifier.classify(terraform.json(workingDir, timeout, "show", "-json", plan.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the local plan of " + unit.name(), e);
    } finally {
      PrivateFiles.delete(work);
    }
  }

  private static void run(ExecResult result, String what) {
    if (!result.succeeded()) {
      throw new ExecException(what + ": " + io.platform.exec.ErrorLines.firstUseful(result.stderr(), result.stdout()), null);
    }
  }

  /**
   * The directory Terragrunt runs Terraform in: {@code <download>/<hash>/<hash>}, then the
   * source's subdirectory (after {@code //}) if it names one.
   */
  static Path workingDir(Path download, String source) throws IOException {
    Path copy;
    try (Stream<Path> dirs = Files.walk(download, 2)) {
      copy = dirs.filter(p -> download.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).findFirst()
          .orElseThrow(() -> new ExecException("terragrunt init left no source copy under " + download, null));
    }
    // "git::https://host/repo.git//modules/vpc?ref=v1": the "//" after any scheme's.
    int scheme = source.indexOf("://");
    int subdir = source.indexOf("//", scheme < 0 ? 0 : scheme + 3);
    if (subdir < 0) {
      return copy;
    }
    String path = source.substring(subdir + 2);
    int query = path.indexOf('?');
    return copy.resolve(query < 0 ? path : path.substring(0, query));
  }
}
