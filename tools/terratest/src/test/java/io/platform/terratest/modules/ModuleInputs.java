package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.emulator.AwsEndpoint;
import io.platform.exec.ExecException;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plans a module with inputs it must refuse, to read the error a user would see. */
final class ModuleInputs {
  private ModuleInputs() {}

  /**
   * Writes a root module that calls {@code modules/<module>} with {@code arguments} (HCL attribute
   * lines), plans it, and returns Terraform's error output as plain text: colour codes and the box
   * drawn around the diagnostic removed, line breaks folded into spaces. Fails the test if the plan
   * succeeds.
   */
  static String refusal(Path temp, AwsEndpoint aws, String module, String arguments) {
    Repo.copy(temp, "modules");
    Path root = temp.resolve("refusal");
    write(
        root.resolve("main.tf"),
        "provider \"aws\" {\n  region = \""
            + aws.region()
            + "\"\n}\n\n"
            + "module \"under_test\" {\n  source = \"../modules/"
            + module
            + "\"\n\n"
            + arguments
            + "\n}\n");

    Terratest terraform = Terratest.of(root, aws).init();
    StringBuilder stderr = new StringBuilder();
    assertThatThrownBy(terraform::plan)
        .isInstanceOfSatisfying(ExecException.class, e -> stderr.append(e.result().stderr()));
    return stderr
        .toString()
        .replaceAll("\u001B\\[[0-9;]*m", "")
        .replaceAll("[\u2502\u2577\u2575]", " ")
        .replaceAll("\\s+", " ");
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
