package io.platform.terratest.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.terratest.Repo;
import io.platform.terratest.ScriptSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/ci/sticky-comment.sh} with {@code gh} stubbed: one comment per environment, edited
 * in place.
 */
class StickyCommentScriptIT {
  static final Path SCRIPT = Repo.root().resolve("scripts/ci/sticky-comment.sh");
  static final Map<String, String> ENV = Map.of("GITHUB_REPOSITORY", "acme/platform");

  @Test
  void postsTheFirstReportAndEditsThatCommentAfterwards(@TempDir Path dir) throws IOException {
    Path report =
        Files.writeString(
            dir.resolve("staging.md"),
            "<!-- platform-verify: staging -->\n## Zero-diff verification\n");

    ScriptSandbox none = gh(dir.resolve("none"), "");
    ScriptSandbox.Run posted =
        none.run(SCRIPT, List.of("5", report.toString()), ENV, Duration.ofSeconds(30));
    assertThat(posted.exitCode()).as(posted.output()).isZero();
    assertThat(none.calls("gh").get(1).args())
        .containsSequence("--method", "POST", "repos/acme/platform/issues/5/comments")
        .contains("body=@" + report);

    ScriptSandbox existing = gh(dir.resolve("existing"), "991");
    ScriptSandbox.Run edited =
        existing.run(SCRIPT, List.of("5", report.toString()), ENV, Duration.ofSeconds(30));
    assertThat(edited.exitCode()).as(edited.output()).isZero();
    assertThat(existing.calls("gh").get(1).args())
        .containsSequence("--method", "PATCH", "repos/acme/platform/issues/comments/991");
    assertThat(edited.output()).contains("edited comment 991 on #5");
  }

  @Test
  void refusesAFileThatIsNoVerifyReport(@TempDir Path dir) throws IOException {
    Path other = Files.writeString(dir.resolve("notes.md"), "# notes\n");

    ScriptSandbox sandbox = gh(dir.resolve("gh"), "");
    ScriptSandbox.Run run =
        sandbox.run(SCRIPT, List.of("5", other.toString()), ENV, Duration.ofSeconds(30));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("does not start with a platform-verify marker");
    assertThat(sandbox.calls("gh")).isEmpty();
  }

  /** A {@code gh} whose comment search finds {@code id} (or nothing). */
  private static ScriptSandbox gh(Path dir, String id) {
    return ScriptSandbox.in(dir)
        .stub(
            "gh",
            """
        [[ "$*" == *--paginate* ]] && { [[ -z '%s' ]] || echo '%s'; }
        exit 0
        """
                .formatted(id, id));
  }
}
