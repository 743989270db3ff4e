package io.platform.terratest.modules;

import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The kill-switch module's example, ready to apply on the emulator. moto stores a function's code
 * but never runs it, so a small jar made here stands in for the packaged handler and the tests do
 * not depend on the Lambda build.
 */
final class KillSwitchExample {
  static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String EMAIL = "oncall@example.com";

  private KillSwitchExample() {}

  static Terratest of(Path temp, AwsEndpoint aws, String name) {
    Path example = Repo.copy(temp, "modules").resolve("modules/kill-switch/examples/complete");
    return Terratest.of(example, aws)
        .var("name", name)
        .var("jar_path", standInJar(temp.resolve("kill-switch.jar")).toString())
        .var("access_key_id", ACCESS_KEY_ID)
        .var("notification_emails", List.of(EMAIL));
  }

  private static Path standInJar(Path jar) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("README.txt"));
      out.write(
          "stand-in for lambdas/kill-switch/target/kill-switch.jar\n"
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + jar, e);
    }
    return jar;
  }
}
