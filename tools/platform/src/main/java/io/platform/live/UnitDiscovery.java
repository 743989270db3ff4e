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

/** Finds the units below a directory, honouring include and exclude globs on unit names. */
public final class UnitDiscovery {
  public static final String UNIT_FILE = "terragrunt.hcl";

  private UnitDiscovery() {}

  /**
   * Units below {@code root} (or {@code root} itself when it is a unit), sorted by name. A
   * unit is kept when it matches any include glob (all when none) and no exclude glob; globs
   * match the unit name, e.g. {@code vpc}, {@code local/*}, {@code **}{@code /eks}.
   */
  public static List<Unit> find(Path root, List<String> includes, List<String> excludes) {
    Path base = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(base)) {
      throw new IllegalArgumentException("not a directory: " + root);
    }
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
              if (!dir.equals(base) && (name.startsWith(".") || name.startsWith("_"))) {
                // .terragrunt-cache, .terraform, _envcommon: never units of the tree itself.
                return FileVisitResult.SKIP_SUBTREE;
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

  private static String nameOf(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    return matchers;
  }
}
