package io.platform.migrate.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.ErrorLines;
import io.platform.exec.ExecException;
import io.platform.exec.ExecResult;
import io.platform.migrate.storage.PrivateFiles;
import io.platform.terraform.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The monolith's configuration as the engine reads it: the {@code configuration} section and the
 * planned changes of {@code show -json} on a plan of a private copy of the configuration against a
 * snapshot of the monolith's state (local backend, no refresh, no lock). The user's directory and
 * state are only read.
 *
 * @param configuration Terraform's JSON configuration representation, expressions with {@code
 *     references}
 * @param resourceChanges the plan's {@code resource_changes}
 */
public record MonolithConfiguration(JsonNode configuration, JsonNode resourceChanges) {
  static final String OVERRIDE = "_platform_migrate_override.tf";
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /**
   * @param dir the monolith's root module
   * @param calls the local modules a module calls, at any depth (copied along, at the same relative
   *     places)
   * @param state the snapshot of the monolith's state that the plan is made against
   * @param added files added to the copy of {@code dir}, by name (e.g. removed blocks to prove)
   * @param scratch a private directory
   */
  public static MonolithConfiguration read(
      Terraform terraform,
      Path dir,
      Function<Path, List<Path>> calls,
      byte[] state,
      Map<String, String> added,
      Path scratch) {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("--config " + dir + " is not a directory");
    }
    try (Stream<Path> files = Files.list(root)) {
      if (files.noneMatch(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".tf.json"))) {
        throw new IllegalArgumentException(
            "--config " + dir + " holds no .tf files: it is not a Terraform root module");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    List<Path> dirs = new ArrayList<>();
    dirs.add(root);
    try {
      dirs.addAll(calls.apply(root));
    } catch (ExecException e) {
      // Unreadable configuration: init below names the error where it is.
    }
    Path top = commonAncestor(dirs);
    Path copy = PrivateFiles.directory(scratch, "config-");
    for (Path module : dirs) {
      copyModule(module, copy.resolve(top.relativize(module).toString()));
    }
    Path work = copy.resolve(top.relativize(root).toString());
    Path stateFile = work.resolve("monolith.tfstate");
    PrivateFiles.write(stateFile, state);
    added.forEach((name, content) -> write(work.resolve(name), content));
    write(
        work.resolve(OVERRIDE),
        "terraform {\n  backend \"local\" {\n    path = \"monolith.tfstate\"\n  }\n}\n");
    require(
        terraform.run(work, TIMEOUT, "init", "-input=false", "-no-color"),
        "init",
        dir,
        "the configuration does not initialise");
    require(
        terraform.run(
            work,
            TIMEOUT,
            "plan",
            "-input=false",
            "-no-color",
            "-refresh=false",
            "-lock=false",
            "-out=monolith.tfplan"),
        "plan",
        dir,
        "the configuration does not plan against the monolith's state");
    JsonNode plan = terraform.json(work, TIMEOUT, "show", "-json", "monolith.tfplan");
    if (!plan.path("configuration").isObject()) {
      throw new IllegalStateException(
          "the plan of " + dir + " has no configuration section; is the engine too old?");
    }
    return new MonolithConfiguration(plan.path("configuration"), plan.path("resource_changes"));
  }

  private static void require(ExecResult result, String step, Path dir, String what) {
    if (!result.succeeded()) {
      throw new IllegalArgumentException(
          "--config "
              + dir
              + ": "
              + what
              + " ("
              + step
              + ": "
              + ErrorLines.firstUseful(result.stderr(), result.stdout())
              + ")");
    }
  }

  private static Path commonAncestor(List<Path> dirs) {
    Path top = dirs.get(0);
    for (Path dir : dirs) {
      while (!dir.startsWith(top)) {
        top = top.getParent();
      }
    }
    return top;
  }

  /** A module's files and folders, without working directories and caches. */
  private static void copyModule(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path relative = from.relativize(path);
        if (skipped(relative)) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(path) && !Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from, e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals(".terraform")
          || name.equals(".terragrunt-cache")
          || name.equals(".git")
          || name.endsWith(".tfstate")
          || name.endsWith(".tfstate.backup")) {
        return true;
      }
    }
    return false;
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
