package io.platform.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which modules a saved plan's configuration holds, read from the manifest Terraform stores with it
 * ({@code tfconfig/modules.json} in the plan file, one entry per module, the root's key empty).
 */
final class PlanModules {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "tfconfig/modules.json";

  private PlanModules() {}

  /**
   * True when the configuration calls no module. False when it does, and whenever the plan file
   * cannot be read that way: the caller then decides from the full plan JSON.
   */
  static boolean rootOnly(Path planFile) {
    try (ZipFile zip = new ZipFile(planFile.toFile())) {
      ZipEntry manifest = zip.getEntry(MANIFEST);
      if (manifest == null) {
        return false;
      }
      JsonNode modules;
      try (InputStream in = zip.getInputStream(manifest)) {
        modules = JSON.readTree(in);
      }
      if (modules == null || !modules.isArray() || modules.isEmpty()) {
        return false;
      }
      for (JsonNode module : modules) {
        if (!module.path("Key").isTextual() || !module.path("Key").asText().isEmpty()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
