package io.platform.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the units below a directory, honouring include and exclude globs on unit names. */
public final class UnitDiscovery {
  public static final String UNIT_FILE = "terragrunt.hcl";
  public static final String STACK_FILE = "terragrunt.stack.hcl";

  /** Where {@code terragrunt stack generate} writes a stack's units. */
  public static final String STACK_DIR = ".terragrunt-stack";

  /** Folders Terragrunt itself never looks into for units; every other folder it does. */
  private static final Set<String> NOT_SEARCHED = Set.of(".terragrunt-cache", ".terraform", ".git");

  private UnitDiscovery() {}

  /**
   * Units below {@code root} (or {@code root} itself when it is a unit), sorted by name. A unit is
   * kept when it matches any include glob (all when none) and no exclude glob; globs match the unit
   * name, e.g. {@code vpc}, {@code local/*}, {@code **}{@code /eks}. Symbolic links below {@code
   * root} are not followed, as Terragrunt does not follow them.
   *
   * @throws IllegalArgumentException when {@code root} is not a directory, or holds a stack whose
   *     units were never generated
   */
  public static List<Unit> find(Path root, List<String> includes, List<String> excludes) {
    Path base = treeDir(root);
    List<PathMatcher> include = matchers(includes);
    List<PathMatcher> exclude = matchers(excludes);
    List<Unit> units = new ArrayList<>();
    try {
      Files.walkFileTree(
          base,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(base) && NOT_SEARCHED.contains(name)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (Files.isRegularFile(dir.resolve(STACK_FILE))
                  && !Files.isDirectory(dir.resolve(STACK_DIR))) {
                // Its units exist only once generated: verifying without them would prove nothing.
                throw new IllegalArgumentException(
                    "stack "
                        + dir
                        + " is not generated: run `terragrunt stack generate` in it first");
              }
              if (Files.isRegularFile(dir.resolve(UNIT_FILE))) {
                String unitName = dir.equals(base) ? name : nameOf(base.relativize(dir));
                Path relative = Path.of(unitName);
                if ((include.isEmpty() || include.stream().anyMatch(m -> m.matches(relative)))
                    && exclude.stream().noneMatch(m -> m.matches(relative))) {
                  units.add(new Unit(dir, unitName));
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list units under " + root, e);
    }
    units.sort(null);
    return units;
  }

  /**
   * The tree's directory with symbolic links resolved: the tree itself may be reached through one,
   * and the walk follows none.
   */
  public static Path treeDir(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a directory: " + root);
    }
    try {
      return root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + root, e);
    }
  }

  private static String nameOf(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      for (String variant : withOptionalFolders(glob)) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
      }
    }
    return matchers;
  }

  /**
   * The glob with each {@code **}{@code /} kept or dropped: as in {@code .gitignore}, it also
   * stands for no folder at all, so {@code **}{@code /eks} matches a unit named {@code eks}.
   */
  private static List<String> withOptionalFolders(String glob) {
    int at = glob.indexOf("**/");
    if (at < 0) {
      return List.of(glob);
    }
    List<String> variants = new ArrayList<>();
    for (String rest : withOptionalFolders(glob.substring(at + 3))) {
      variants.add(glob.substring(0, at + 3) + rest);
      variants.add(glob.substring(0, at) + rest);
    }
    return variants;
  }
}
