package io.platform.select;

import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files a change touches: every path that differs between the merge base of {@code base} and
 * {@code HEAD} and the working tree (committed, staged or not, and untracked files), as {@code git
 * diff BASE...} sees it, with a renamed file counted at both its old and its new path.
 *
 * @param base the reference the change is compared with, as given
 * @param mergeBase the commit both share, which the change is measured from
 * @param repo the repository's top-level directory
 * @param files absolute paths
 */
public record ChangedFiles(String base, String mergeBase, Path repo, Set<Path> files) {
  private static final Duration LIMIT = Duration.ofMinutes(2);

  public ChangedFiles {
    files = Set.copyOf(files);
  }

  /**
   * Reads the change of the repository that holds {@code dir}.
   *
   * @throws UnknownBaseException when {@code base} names no commit, with why (a shallow clone that
   *     lacks it, or a name that does not exist)
   * @throws IllegalArgumentException when {@code dir} is not in a Git work tree
   */
  public static ChangedFiles since(String base, Path dir, CommandRunner runner) {
    ExecResult top = git(runner, dir, "rev-parse", "--show-toplevel");
    if (!top.succeeded()) {
      throw new IllegalArgumentException(
          dir + " is not in a Git work tree, so it has no change to select units by");
    }
    Path repo = Path.of(top.stdout().strip());
    if (!git(runner, repo, "rev-parse", "--verify", "--quiet", base + "^{commit}").succeeded()) {
      boolean shallow =
          "true".equals(git(runner, repo, "rev-parse", "--is-shallow-repository").stdout().strip());
      throw shallow
          ? new UnknownBaseException(
              "--base "
                  + base
                  + " is not in this shallow clone: fetch it (git fetch origin "
                  + base
                  + ", or actions/checkout with fetch-depth: 0) so that the change can be measured",
              true)
          : new UnknownBaseException("--base " + base + " names no commit of " + repo, false);
    }
    ExecResult mergeBase = git(runner, repo, "merge-base", base, "HEAD");
    if (!mergeBase.succeeded()) {
      throw new UnknownBaseException(
          "--base " + base + " shares no history with HEAD (in a shallow clone, fetch more of it)",
          true);
    }
    String commit = mergeBase.stdout().strip();
    Set<Path> files = new TreeSet<>();
    // Renames as a deletion and an addition: the old path's readers are affected too.
    addAll(files, repo, git(runner, repo, "diff", "--name-only", "--no-renames", "-z", commit));
    addAll(files, repo, git(runner, repo, "ls-files", "--others", "--exclude-standard", "-z"));
    return new ChangedFiles(base, commit, repo, files);
  }

  private static void addAll(Set<Path> files, Path repo, ExecResult listing) {
    listing.requireSuccess();
    // NUL-separated (-z), so that no name is quoted; the runner ends the output with a newline.
    for (String name : listing.stdout().split("\0")) {
      if (!name.isBlank()) {
        files.add(repo.resolve(name).normalize());
      }
    }
  }

  private static ExecResult git(CommandRunner runner, Path dir, String... args) {
    return runner.run(Command.of("git", args).in(dir).withTimeout(LIMIT));
  }

  /**
   * What goes wrong with {@code --base}; {@code environment} when the clone, not the name, is at
   * fault.
   */
  public static final class UnknownBaseException extends IllegalArgumentException {
    private final boolean environment;

    UnknownBaseException(String message, boolean environment) {
      super(message);
      this.environment = environment;
    }

    /**
     * True when the name may be right but this clone cannot resolve it (shallow, unrelated
     * history).
     */
    public boolean environment() {
      return environment;
    }
  }

  /** The changed files, relative to the repository, for messages. */
  public List<String> relative() {
    return files.stream().map(f -> repo.relativize(f).toString()).sorted().toList();
  }
}
