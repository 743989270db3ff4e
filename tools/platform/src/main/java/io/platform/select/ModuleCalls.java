package io.platform.select;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.terraform.ConfigInspect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The local modules a module calls ({@code source = "../_kms-key"}), through any depth, as {@code
 * terraform-config-inspect} reads its configuration: Terragrunt's {@code reading} list names the
 * unit's module only, so a change to a module it calls would select nothing. Registry and remote
 * sources are versioned elsewhere and are not followed.
 */
public final class ModuleCalls implements Function<Path, List<Path>> {
  private final ConfigInspect inspect;
  private final Map<Path, List<Path>> direct = new HashMap<>();

  public ModuleCalls(ConfigInspect inspect) {
    this.inspect = inspect;
  }

  /** Every local module {@code module} calls, directly or through another, without itself. */
  @Override
  public List<Path> apply(Path module) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> next = new ArrayList<>(direct(module));
    while (!next.isEmpty()) {
      Path called = next.remove(0);
      if (!called.equals(module) && seen.add(called)) {
        next.addAll(direct(called));
      }
    }
    return List.copyOf(seen);
  }

  private List<Path> direct(Path module) {
    return direct.computeIfAbsent(module, this::inspect);
  }

  private List<Path> inspect(Path module) {
    if (!Files.isDirectory(module)) {
      // A call of a directory that does not exist: Terraform's init says so where it matters.
      return List.of();
    }
    List<Path> calls = new ArrayList<>();
    for (JsonNode call : inspect.read(module).path("module_calls")) {
      String source = call.path("source").asText("");
      if (source.startsWith("./") || source.startsWith("../")) {
        calls.add(module.resolve(source).normalize());
      }
    }
    return calls;
  }
}
