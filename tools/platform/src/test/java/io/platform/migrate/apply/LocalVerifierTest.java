package io.platform.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVerifierTest {

  @Test
  void theWorkingDirectoryIsTheSourceCopyPlusTheSubdirectoryAfterTheDoubleSlash(@TempDir Path download) throws IOException {
    Path copy = Files.createDirectories(download.resolve("hash1/hash2"));

    assertThat(LocalVerifier.workingDir(download, "/repo/live/../modules//vpc")).isEqualTo(copy.resolve("vpc"));
    assertThat(LocalVerifier.workingDir(download, "git::https://example.com/org/repo.git//modules/eks?ref=v1.2.0"))
        .isEqualTo(copy.resolve("modules/eks"));
    assertThat(LocalVerifier.workingDir(download, "/repo/modules/vpc")).isEqualTo(copy);
  }
}
