package io.platform.terratest.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.live.Unit;
import io.platform.terratest.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The seed's monolith, written from the live units themselves into a directory that holds its root
 * module ({@code main.tf}), {@value #LAYOUT} (group -> component module names) and {@value
 * #MAPPING} (the {@code platform migrate} mapping file). Every unit of the live tree becomes the
 * component {@code module.client_stage.module.<group>.module.<component>}, whose unit is named like
 * it (underscores read as hyphens) unless the mapping file renames it, as {@code platform migrate}
 * reads it. A component is what Terragrunt runs for its unit:
 *
 * <ul>
 *   <li>a copy of the unit's module source, with the unit directory's own Terraform files (the
 *       emulator overrides) added, as Terragrunt copies them into its cache;
 *   <li>the unit's rendered inputs ({@code units.auto.tfvars.json}), where a dependency output is
 *       the sibling component's output instead ({@link InputWiring}), through the groups' variables
 *       and outputs when the two sit in different groups;
 *   <li>the unit's generated AWS provider, default tags included, as a configuration aliased after
 *       the component in its group and passed down with {@code providers = {}}.
 * </ul>
 *
 * Adding a unit to the live tree takes one name in the layout file.
 */
final class MonolithFixture {
  static final String LAYOUT = "layout.json";
  static final String MAPPING = "mapping.json";
  private static final String GENERATED =
      "# Written by MonolithFixture from the live units (terragrunt render).\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A component: its group, its module call name, and the live unit it comes from, rendered. */
  record Component(String group, String name, Unit unit, JsonNode rendered) {}

  private final Path monolith;
  private final List<Component> components = new ArrayList<>();
  private final Map<String, Set<String>> imports = new LinkedHashMap<>();
  private final Map<String, Set<String>> exports = new LinkedHashMap<>();

  private MonolithFixture(Path monolith) {
    this.monolith = monolith;
  }

  /** Writes the client stage, its groups and the components' inputs; returns the components. */
  static List<Component> write(Path monolith, Map<Unit, JsonNode> rendered) throws IOException {
    MonolithFixture fixture = new MonolithFixture(monolith);
    fixture.place(rendered);
    fixture.writeFiles();
    return List.copyOf(fixture.components);
  }

  private void place(Map<Unit, JsonNode> rendered) throws IOException {
    Map<String, Unit> units = new LinkedHashMap<>();
    rendered.keySet().forEach(unit -> units.put(unit.name(), unit));
    JsonNode renames = JSON.readTree(monolith.resolve(MAPPING).toFile()).path("renames");
    for (Map.Entry<String, JsonNode> group :
        InputWiring.fields(JSON.readTree(monolith.resolve(LAYOUT).toFile()))) {
      for (JsonNode name : group.getValue()) {
        String unitName = renames.path(name.asText()).asText(name.asText().replace('_', '-'));
        Unit unit = units.remove(unitName);
        if (unit == null) {
          throw new IllegalStateException(
              LAYOUT
                  + ": component "
                  + name.asText()
                  + " is for unit "
                  + unitName
                  + ", which the live tree does not have (or another component already takes)");
        }
        components.add(new Component(group.getKey(), name.asText(), unit, rendered.get(unit)));
      }
    }
    if (!units.isEmpty()) {
      throw new IllegalStateException(
          LAYOUT + " places no component for the live units " + units.keySet());
    }
  }

  private void writeFiles() throws IOException {
    ObjectNode inputs = JSON.createObjectNode();
    Map<String, StringBuilder> modules = new LinkedHashMap<>();
    Map<String, StringBuilder> providers = new LinkedHashMap<>();
    for (Component component : components) {
      inputs.set(component.unit().name(), component.rendered().path("inputs"));
      modules
          .computeIfAbsent(component.group(), g -> new StringBuilder())
          .append(moduleBlock(component));
      providers
          .computeIfAbsent(component.group(), g -> new StringBuilder(GENERATED))
          .append(
              awsProviderBlock(component)
                  .replaceFirst(
                      "provider \"aws\" \\{",
                      "provider \"aws\" {\n  alias = \"" + component.name() + "\""))
          .append('\n');
    }
    JSON.writeValue(
        monolith.resolve("units.auto.tfvars.json").toFile(),
        JSON.createObjectNode().set("units", inputs));

    StringBuilder stage = new StringBuilder(GENERATED).append(UNITS_VARIABLE);
    for (String group : modules.keySet()) {
      Path dir = Files.createDirectories(monolith.resolve("client_stage").resolve(group));
      StringBuilder main = new StringBuilder(GENERATED).append(REQUIRED_AWS).append(UNITS_VARIABLE);
      stage
          .append("\nmodule \"")
          .append(group)
          .append("\" {\n  source = \"./")
          .append(group)
          .append("\"\n\n  units = var.units\n");
      for (String imported : imports.getOrDefault(group, Set.of())) {
        main.append("\nvariable \"")
            .append(imported)
            .append("\" {\n  description = \"The outputs of the component ")
            .append(imported)
            .append(", from its group.\"\n  type        = any\n}\n");
        stage
            .append("  ")
            .append(imported)
            .append(" = module.")
            .append(groupOf(imported))
            .append('.')
            .append(imported)
            .append('\n');
      }
      stage.append("}\n");
      main.append(modules.get(group));
      for (String exported : exports.getOrDefault(group, Set.of())) {
        main.append("\noutput \"")
            .append(exported)
            .append("\" {\n  description = \"The outputs of the component ")
            .append(exported)
            .append(", for the other groups.\"\n  value       = module.")
            .append(exported)
            .append("\n}\n");
      }
      Files.writeString(dir.resolve("main.tf"), main, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("providers.tf"), providers.get(group), StandardCharsets.UTF_8);
    }
    Files.writeString(monolith.resolve("client_stage/main.tf"), stage, StandardCharsets.UTF_8);
  }

  private static final String UNITS_VARIABLE =
      """
      variable "units" {
        description = "Per live unit, the inputs it passes to its module (terragrunt render)."
        type        = any
      }
      """;

  private static final String REQUIRED_AWS =
      """
      terraform {
        required_providers {
          aws = {
            source = "registry.terraform.io/hashicorp/aws"
          }
        }
      }

      """;

  /** The component's module block: its copied source, its unit's provider, its inputs. */
  private String moduleBlock(Component component) throws IOException {
    StringBuilder block =
        new StringBuilder("\nmodule \"")
            .append(component.name())
            .append("\" {\n")
            .append("  source    = \"../../")
            .append(copySource(component))
            .append("\"\n")
            .append("  providers = { aws = aws.")
            .append(component.name())
            .append(" }\n\n");
    InputWiring wiring = new InputWiring(component.unit().name(), dependencies(component));
    wiring
        .expressions(component.rendered().path("inputs"))
        .forEach(
            (input, expression) ->
                block.append("  ").append(input).append(" = ").append(expression).append('\n'));
    return block.append("}\n").toString();
  }

  /** The unit's dependencies as references to their components, recording what crosses groups. */
  private List<InputWiring.Dependency> dependencies(Component component) {
    List<InputWiring.Dependency> dependencies = new ArrayList<>();
    for (Map.Entry<String, JsonNode> dependency :
        InputWiring.fields(component.rendered().path("dependency"))) {
      Path dir =
          component
              .unit()
              .dir()
              .resolve(dependency.getValue().path("config_path").asText())
              .normalize();
      Component target =
          components.stream()
              .filter(c -> c.unit().dir().normalize().equals(dir))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "unit "
                              + component.unit().name()
                              + " depends on "
                              + dir
                              + ", which is not a unit of the live tree"));
      String reference;
      if (target.group().equals(component.group())) {
        reference = "module." + target.name();
      } else {
        reference = "var." + target.name();
        imports.computeIfAbsent(component.group(), g -> new TreeSet<>()).add(target.name());
        exports.computeIfAbsent(target.group(), g -> new TreeSet<>()).add(target.name());
      }
      dependencies.add(
          new InputWiring.Dependency(
              dependency.getKey(), reference, dependency.getValue().path("mock_outputs")));
    }
    return dependencies;
  }

  /**
   * Copies the unit's module source as Terragrunt does: the tree before {@code //}, then the unit
   * directory's Terraform files into the module below it. Returns the module's path relative to the
   * monolith.
   */
  private String copySource(Component component) throws IOException {
    String source = component.rendered().path("terraform").path("source").asText();
    if (source.contains("://") || !Path.of(source).isAbsolute()) {
      throw new IllegalStateException(
          "unit "
              + component.unit().name()
              + ": only local module sources are supported, not "
              + source);
    }
    int split = source.indexOf("//");
    String subdir = split < 0 ? "" : source.substring(split + 2);
    String copy = "components/" + component.unit().name();
    Repo.copyTree(
        Path.of(split < 0 ? source : source.substring(0, split)).normalize(),
        monolith.resolve(copy));
    Path module = monolith.resolve(copy).resolve(subdir);
    try (Stream<Path> files = Files.list(component.unit().dir())) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".tf.json"))
              .toList()) {
        Files.copy(file, module.resolve(file.getFileName()));
      }
    }
    return subdir.isEmpty() ? copy : copy + "/" + subdir;
  }

  private String groupOf(String component) {
    return components.stream()
        .filter(c -> c.name().equals(component))
        .findFirst()
        .orElseThrow()
        .group();
  }

  /**
   * The {@code provider "aws"} block among the unit's generated files (braces matched; strings hold
   * none).
   */
  private static String awsProviderBlock(Component component) {
    List<String> blocks = new ArrayList<>();
    for (Map.Entry<String, JsonNode> generated :
        InputWiring.fields(component.rendered().path("generate"))) {
      String contents = generated.getValue().path("contents").asText();
      int start = contents.indexOf("provider \"aws\" {");
      if (start >= 0) {
        blocks.add(block(contents, start));
      }
    }
    if (blocks.size() != 1) {
      throw new IllegalStateException(
          "unit "
              + component.unit().name()
              + " generates "
              + blocks.size()
              + " AWS provider configurations; the monolith takes exactly one per unit");
    }
    return blocks.get(0);
  }

  private static String block(String contents, int start) {
    int depth = 0;
    for (int i = contents.indexOf('{', start); i < contents.length(); i++) {
      char c = contents.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return contents.substring(start, i + 1);
      }
    }
    throw new IllegalStateException("unbalanced provider block");
  }
}
