package io.platform.select;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.live.Unit;
import io.platform.text.Count;
import io.platform.verify.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The units a change affects, each with the first rule that selects it:
 *
 * <ol>
 *   <li>a file of the unit's own directory changed;
 *   <li>a file of its module changed: anything below the directory of the module's {@code .tf}
 *       files, templates and scripts included, which Terragrunt's own {@code reading} list (its
 *       {@code .tf} files only) misses; or of a local module that module calls, at any depth;
 *   <li>a source of a build output it reads changed: a file it reads below a {@code target/} folder
 *       of a Maven module (a Lambda jar) is built from everything else in that module but its
 *       Markdown, and from the POMs above it;
 *   <li>it reads a changed file, as {@code terragrunt find --reading} lists what each unit reads
 *       ({@code root.hcl}, {@code env.hcl}, {@code _envcommon/*.hcl}, files marked with {@code
 *       mark_as_read});
 *   <li>it depends, directly or not, on a selected unit.
 * </ol>
 *
 * A change that nothing reads selects nothing.
 */
public final class AffectedUnits {
  private AffectedUnits() {}

  /**
   * @param tree the directory Terragrunt's {@code find} ran in (its paths are relative to it)
   * @param found {@code terragrunt find --json --dag --dependencies --reading} of {@code tree}
   * @param units the units to choose from, in the order to report them
   * @param calls the local modules a module directory calls, at any depth ({@link ModuleCalls})
   */
  public static Scope select(
      Path tree,
      JsonNode found,
      List<Unit> units,
      ChangedFiles change,
      Function<Path, List<Path>> calls) {
    Map<String, UnitReads> reads = new LinkedHashMap<>();
    for (JsonNode entry : found) {
      if ("unit".equals(entry.path("type").asText("unit"))) {
        reads.put(entry.path("path").asText(), UnitReads.of(tree, entry));
      }
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (Unit unit : units) {
      UnitReads unitReads = reads.getOrDefault(unit.name(), UnitReads.none());
      direct(unit, unitReads, change, calls).ifPresent(reason -> reasons.put(unit.name(), reason));
    }
    addDependents(reasons, reads, units);
    String description =
        "affected since "
            + change.base()
            + " ("
            + Count.of(change.files().size(), "file")
            + " changed)";
    return new Scope(description, reasons, reasons.size(), units.size(), null);
  }

  private static Optional<String> direct(
      Unit unit, UnitReads reads, ChangedFiles change, Function<Path, List<Path>> calls) {
    Path repo = change.repo();
    for (Path file : change.files()) {
      if (file.startsWith(unit.dir())) {
        return Optional.of("changed: " + repo.relativize(file));
      }
    }
    for (Path module : reads.moduleDirs(unit.dir())) {
      for (Path file : change.files()) {
        if (file.startsWith(module)) {
          return Optional.of(
              "module " + repo.relativize(module) + " changed: " + repo.relativize(file));
        }
      }
    }
    for (Path module : reads.moduleDirs(unit.dir())) {
      for (Path called : calls.apply(module)) {
        for (Path file : change.files()) {
          if (file.startsWith(called)) {
            return Optional.of(
                "module "
                    + repo.relativize(called)
                    + " changed (called by "
                    + repo.relativize(module)
                    + "): "
                    + repo.relativize(file));
          }
        }
      }
    }
    for (Path read : reads.files()) {
      Optional<Path> sources = buildSources(read);
      if (sources.isEmpty()) {
        continue;
      }
      for (Path file : change.files()) {
        if (buildsInto(sources.get(), file, repo)) {
          return Optional.of(
              "built from "
                  + repo.relativize(sources.get())
                  + " (reads "
                  + repo.relativize(read)
                  + "): "
                  + repo.relativize(file)
                  + " changed");
        }
      }
    }
    for (Path read : reads.files()) {
      if (change.files().contains(read)) {
        return Optional.of("reads " + repo.relativize(read) + ", which changed");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a change to {@code file} changes what the Maven module {@code sources} builds: any of
   * its files but its build output and its Markdown, or the POM of a module above it (its parents
   * fix the versions of what it bundles).
   */
  private static boolean buildsInto(Path sources, Path file, Path repo) {
    if (file.startsWith(sources)) {
      return !file.startsWith(sources.resolve("target"))
          && !file.getFileName().toString().endsWith(".md");
    }
    return file.getFileName().toString().equals("pom.xml")
        && file.startsWith(repo)
        && sources.startsWith(file.getParent());
  }

  /** The Maven module a file below its {@code target/} folder is built from. */
  private static Optional<Path> buildSources(Path read) {
    for (Path dir = read.getParent();
        dir != null && dir.getParent() != null;
        dir = dir.getParent()) {
      if (dir.getFileName().toString().equals("target")
          && Files.isRegularFile(dir.getParent().resolve("pom.xml"))) {
        return Optional.of(dir.getParent());
      }
    }
    return Optional.empty();
  }

  /** Every unit that depends on a selected one, through any number of units, is selected too. */
  private static void addDependents(
      Map<String, String> reasons, Map<String, UnitReads> reads, List<Unit> units) {
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    reads.forEach(
        (unit, r) ->
            r.dependencies()
                .forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(unit)));
    List<String> known = units.stream().map(Unit::name).toList();
    Deque<String> next = new ArrayDeque<>(reasons.keySet());
    while (!next.isEmpty()) {
      String unit = next.pop();
      for (String dependent : dependents.getOrDefault(unit, List.of())) {
        if (known.contains(dependent) && !reasons.containsKey(dependent)) {
          reasons.put(dependent, "depends on " + unit);
          next.add(dependent);
        }
      }
    }
    // Reported in the order of the units given, not in the order found.
    Map<String, String> ordered = new LinkedHashMap<>();
    known.stream().filter(reasons::containsKey).forEach(u -> ordered.put(u, reasons.get(u)));
    reasons.clear();
    reasons.putAll(ordered);
  }

  /** What one unit reads, as absolute paths, and the units it depends on. */
  private record UnitReads(List<Path> files, List<String> dependencies) {
    static UnitReads of(Path tree, JsonNode entry) {
      List<Path> files = new ArrayList<>();
      entry.path("reading").forEach(r -> files.add(tree.resolve(r.asText()).normalize()));
      List<String> dependencies = new ArrayList<>();
      entry.path("dependencies").forEach(d -> dependencies.add(d.asText()));
      return new UnitReads(files, dependencies);
    }

    static UnitReads none() {
      return new UnitReads(List.of(), List.of());
    }

    /**
     * The module directories: of the {@code .tf} files read outside the unit's directory, the
     * directories that hold no other's (a module's {@code examples/} lie below the module).
     */
    List<Path> moduleDirs(Path unitDir) {
      List<Path> dirs =
          files.stream()
              .filter(f -> f.getFileName().toString().endsWith(".tf") && !f.startsWith(unitDir))
              .map(Path::getParent)
              .distinct()
              .toList();
      return dirs.stream()
          .filter(d -> dirs.stream().noneMatch(other -> !other.equals(d) && d.startsWith(other)))
          .toList();
    }
  }
}
