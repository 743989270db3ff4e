package io.platform.terratest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/** The repository under test, and throwaway copies of parts of it. */
public final class Repo {
  /** Marker file at the repository root. */
  static final String MARKER = "toolchain.properties";

  private static final Set<String> SKIPPED =
      Set.of(".terraform", ".terragrunt-cache", "target", ".git");

  private Repo() {}

  /** The repository root: {@code -Dplatform.repo.root}, else the nearest parent with the marker. */
  public static Path root() {
    String configured = System.getProperty("platform.repo.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(MARKER))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root (no " + MARKER + " above the working directory)");
  }

  /**
   * Copies repository paths (files or directories, relative to the root) into {@code target},
   * keeping their relative layout and leaving out Terraform and build caches. Tests run there so
   * that they never write into the clone.
   */
  public static Path copy(Path target, String... relativePaths) {
    Path root = root();
    for (String relative : relativePaths) {
      copyTree(root.resolve(relative), target.resolve(relative));
    }
    return target;
  }

  /**
   * Copies a directory tree (anywhere, e.g. a copy made by {@link #copy}), leaving out the same
   * caches.
   */
  public static void copyTree(Path source, Path target) {
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              if (!dir.equals(source) && SKIPPED.contains(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(target.resolve(source.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path to = target.resolve(source.relativize(file).toString());
              Files.createDirectories(to.getParent());
              Files.copy(
                  file,
                  to,
                  StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.COPY_ATTRIBUTES);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }
}
