package io.platform.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.terraform.ConfigInspect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Keeps the generated section of every module README (examples included) current. */
public final class ModuleReadmes {
  private final ConfigInspect inspect;

  public ModuleReadmes(ConfigInspect inspect) {
    this.inspect = inspect;
  }

  /**
   * The READMEs below {@code modules} whose generated section is out of date; rewritten first when
   * {@code write} is true.
   */
  public List<Path> update(Path modules, boolean write) {
    List<Path> stale = new ArrayList<>();
    for (Path module : moduleDirs(modules)) {
      JsonNode configuration = inspect.read(module);
      try {
        Path readme = module.resolve("README.md");
        String current =
            Files.exists(readme)
                ? Files.readString(readme, StandardCharsets.UTF_8)
                : "# " + module.getFileName() + "\n";
        String updated = ModuleDocs.update(current, ModuleDocs.render(configuration));
        if (!updated.equals(current)) {
          stale.add(readme);
          if (write) {
            Files.writeString(readme, updated, StandardCharsets.UTF_8);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot document " + module, e);
      }
    }
    return stale;
  }

  /** Every directory below {@code modules} holding .tf files, skipping hidden caches. */
  private static List<Path> moduleDirs(Path modules) {
    try (Stream<Path> paths = Files.walk(modules)) {
      return paths
          .filter(Files::isDirectory)
          .filter(dir -> !isHidden(modules.relativize(dir)))
          .filter(ModuleReadmes::hasTerraform)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + modules, e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasTerraform(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".tf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
