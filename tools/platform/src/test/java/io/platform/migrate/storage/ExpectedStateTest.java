package io.platform.migrate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write goes ahead only onto the state it expects; otherwise it leaves the file as it was. */
class ExpectedStateTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aWriteExpectingNoStateRefusesOneThatAppearedAndWritesNothing(@TempDir Path dir)
      throws IOException {
    FileStateStore store = new FileStateStore(dir.resolve("terraform.tfstate"));
    store.write(bytes("{\"serial\": 1}"), ExpectedState.none());

    assertThatThrownBy(() -> store.write(bytes("{\"serial\": 9}"), ExpectedState.none()))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("changed since it was checked (no state was there, now sha256 ");
    assertThat(Files.readString(dir.resolve("terraform.tfstate"))).isEqualTo("{\"serial\": 1}");
  }

  @Test
  void aWriteExpectingTheStateFoundGoesAheadAndAForcedOneOverwritesAnything(@TempDir Path dir)
      throws IOException {
    FileStateStore store = new FileStateStore(dir.resolve("terraform.tfstate"));
    store.write(bytes("{\"serial\": 1}"), ExpectedState.none());

    store.write(bytes("{\"serial\": 2}"), ExpectedState.as(store.read()));
    assertThat(Files.readString(dir.resolve("terraform.tfstate"))).isEqualTo("{\"serial\": 2}");

    assertThatThrownBy(
            () -> store.write(bytes("{\"serial\": 3}"), ExpectedState.sha256("0".repeat(64))))
        .isInstanceOf(StateConflictException.class);
    store.write(bytes("{\"serial\": 4}"), ExpectedState.anything());
    assertThat(Files.readString(dir.resolve("terraform.tfstate"))).isEqualTo("{\"serial\": 4}");
  }
}
