package io.platform.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.exec.Command;
import io.platform.exec.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change against a base, read from a real Git repository. */
class ChangedFilesTest {
  @TempDir Path repo;

  @BeforeEach
  void aRepositoryWithMainAndABranch() throws IOException {
    git("init", "-q", "-b", "main");
    write("live/local/vpc/terragrunt.hcl", "vpc");
    write("modules/vpc/main.tf", "one");
    write("docs/old-name.md", "doc");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "change");
  }

  @Test
  void holdsCommittedStagedUnstagedAndUntrackedFilesAndBothPathsOfARename() throws IOException {
    write("modules/vpc/main.tf", "two");
    git("commit", "-q", "-am", "module");
    git("mv", "docs/old-name.md", "docs/new-name.md");
    write("live/local/vpc/terragrunt.hcl", "edited, not staged");
    write("live/local/new-unit/terragrunt.hcl", "untracked");

    ChangedFiles change =
        ChangedFiles.since("main", repo.resolve("live/local"), new ProcessRunner());

    assertThat(change.relative())
        .containsExactly(
            "docs/new-name.md",
            "docs/old-name.md",
            "live/local/new-unit/terragrunt.hcl",
            "live/local/vpc/terragrunt.hcl",
            "modules/vpc/main.tf");
    assertThat(change.repo()).isEqualTo(repo.toRealPath());
  }

  @Test
  void measuresFromTheMergeBaseNotFromWhereTheBaseHasMovedOn() throws IOException {
    git("checkout", "-q", "main");
    write("modules/vpc/main.tf", "changed on main meanwhile");
    git("commit", "-q", "-am", "main moved on");
    git("checkout", "-q", "change");
    write("live/local/vpc/terragrunt.hcl", "the change");

    assertThat(ChangedFiles.since("main", repo, new ProcessRunner()).relative())
        .containsExactly("live/local/vpc/terragrunt.hcl");
  }

  @Test
  void aBaseThatNamesNoCommitIsTheUsersMistake() {
    assertThatThrownBy(() -> ChangedFiles.since("mian", repo, new ProcessRunner()))
        .isInstanceOfSatisfying(
            ChangedFiles.UnknownBaseException.class, e -> assertThat(e.environment()).isFalse())
        .hasMessage("--base mian names no commit of " + realPath());
  }

  @Test
  void aShallowCloneWithoutTheBaseSaysHowToFetchIt(@TempDir Path clones) {
    Path shallow = clones.resolve("shallow");
    run(
        clones,
        "git",
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "change",
        "file://" + repo,
        shallow.toString());

    assertThatThrownBy(() -> ChangedFiles.since("main", shallow, new ProcessRunner()))
        .isInstanceOfSatisfying(
            ChangedFiles.UnknownBaseException.class, e -> assertThat(e.environment()).isTrue())
        .hasMessageContaining("is not in this shallow clone")
        .hasMessageContaining("fetch-depth: 0");
  }

  @Test
  void aDirectoryOutsideAnyRepositoryIsRefused(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> ChangedFiles.since("main", elsewhere, new ProcessRunner()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not in a Git work tree");
  }

  private String realPath() {
    try {
      return repo.toRealPath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, String text) throws IOException {
    Files.createDirectories(repo.resolve(file).getParent());
    Files.writeString(repo.resolve(file), text);
  }

  private void git(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "git";
    all[1] = "-c";
    all[2] = "user.email=test@example.com";
    all[3] = "-c";
    all[4] = "user.name=test";
    System.arraycopy(args, 0, all, 5, args.length);
    run(repo, all);
  }

  private static void run(Path dir, String... argv) {
    String[] rest = new String[argv.length - 1];
    System.arraycopy(argv, 1, rest, 0, rest.length);
    new ProcessRunner().run(Command.of(argv[0], rest).in(dir)).requireSuccess();
  }
}
