package io.platform.migrate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.AddressParser;
import io.platform.migrate.address.ModuleInstance;
import io.platform.migrate.address.ModulePattern;
import io.platform.migrate.state.StateFormatException;
import io.platform.migrate.state.StateJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and writes the mapping file (JSON). Unknown fields are errors, so a misspelt section never
 * silently does nothing; every address is parsed and every unit name checked here.
 *
 * <pre>
 * {
 *   "prefix": "module.client_stage.module.*",
 *   "renames": { "tunnel": "cloudflared-ec2" },
 *   "merges": { "observability": ["alarms", "dashboards"] },
 *   "exclude": ["module.client_stage.module.legacy"],
 *   "into": { "rds": "module.rds" },
 *   "providers": { "provider[\"registry.terraform.io/hashicorp/aws\"].use1":
 *                  "provider[\"registry.terraform.io/hashicorp/aws\"].us_east_1" }
 * }
 * </pre>
 */
public final class MappingFile {
  private static final Set<String> FIELDS =
      Set.of("prefix", "renames", "merges", "exclude", "into", "providers");
  private static final Pattern UNIT =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

  private MappingFile() {}

  public static Mapping read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      String why =
          e instanceof NoSuchFileException
              ? "it does not exist"
              : e instanceof AccessDeniedException
                  ? "permission denied"
                  : Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
      throw new UncheckedIOException("cannot read mapping file " + file + ": " + why, e);
    }
    return parse(bytes, "mapping file " + file);
  }

  /**
   * Parses a mapping; {@code where} names it in errors. The prefix may be absent (given on the
   * command line).
   */
  public static Mapping parse(byte[] bytes, String where) {
    JsonNode root;
    try {
      root = StateJson.parse(bytes, where);
    } catch (StateFormatException e) {
      throw new MappingException(e.getMessage());
    }
    if (!root.isObject()) {
      throw new MappingException(where + " must hold a JSON object");
    }
    root.fieldNames()
        .forEachRemaining(
            field -> {
              if (!FIELDS.contains(field)) {
                throw new MappingException(
                    where
                        + ": unknown field \""
                        + field
                        + "\" (known: "
                        + String.join(", ", new TreeSet<>(FIELDS))
                        + ")");
              }
            });
    JsonNode prefixNode = root.get("prefix");
    if (prefixNode != null && !prefixNode.isNull() && !prefixNode.isTextual()) {
      throw new MappingException(where + ": prefix must be a string (\"\" for the root module)");
    }
    ModulePattern prefix =
        prefixNode == null || prefixNode.isNull()
            ? null
            : prefix(prefixNode.asText(), where + ": prefix");

    Map<String, String> renames = new LinkedHashMap<>();
    strings(root, "renames", where)
        .forEach(
            (selector, unit) ->
                renames.put(
                    selector(selector, where + ": renames"),
                    unit(unit, where + ": renames." + selector)));

    Map<String, List<String>> merges = new LinkedHashMap<>();
    JsonNode mergeNode = object(root, "merges", where);
    mergeNode
        .properties()
        .forEach(
            e -> {
              String unit = unit(e.getKey(), where + ": merges");
              if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new MappingException(
                    where + ": merges." + unit + " must be a non-empty list of modules");
              }
              List<String> selectors = new ArrayList<>();
              for (JsonNode s : e.getValue()) {
                selectors.add(
                    selector(text(s, where + ": merges." + unit), where + ": merges." + unit));
              }
              merges.put(unit, selectors);
            });

    List<String> exclude = new ArrayList<>();
    JsonNode excludeNode = root.path("exclude");
    if (!excludeNode.isMissingNode() && !excludeNode.isArray()) {
      throw new MappingException(where + ": exclude must be a list of addresses");
    }
    for (JsonNode e : excludeNode) {
      String address = text(e, where + ": exclude");
      Exclusion.parse(address, where + ": exclude");
      exclude.add(address);
    }

    Map<String, ModuleInstance> into = new LinkedHashMap<>();
    strings(root, "into", where)
        .forEach(
            (unit, module) -> {
              try {
                into.put(unit(unit, where + ": into"), AddressParser.moduleInstance(module));
              } catch (IllegalArgumentException e) {
                throw new MappingException(where + ": into." + unit + ": " + e.getMessage());
              }
            });

    Map<String, String> providers = new LinkedHashMap<>();
    strings(root, "providers", where)
        .forEach(
            (from, to) -> {
              try {
                providers.put(
                    AddressParser.providerConfig(from).render(),
                    AddressParser.providerConfig(to).render());
              } catch (IllegalArgumentException e) {
                throw new MappingException(where + ": providers: " + e.getMessage());
              }
            });

    Mapping mapping = new Mapping(prefix, renames, merges, exclude, into, providers);
    checkNoSelectorTwice(mapping, where);
    return mapping;
  }

  /** The mapping as the file format; read back by {@link #parse}. */
  public static ObjectNode toJson(Mapping mapping) {
    ObjectNode root = StateJson.mapper().createObjectNode();
    root.put("prefix", mapping.prefix().render());
    ObjectNode renames = root.putObject("renames");
    mapping.renames().forEach(renames::put);
    ObjectNode merges = root.putObject("merges");
    mapping.merges().forEach((unit, selectors) -> selectors.forEach(merges.withArray(unit)::add));
    mapping.exclude().forEach(root.putArray("exclude")::add);
    ObjectNode into = root.putObject("into");
    mapping.into().forEach((unit, module) -> into.put(unit, module.render()));
    ObjectNode providers = root.putObject("providers");
    mapping.providers().forEach(providers::put);
    return root;
  }

  public static ModulePattern prefix(String text, String where) {
    try {
      return AddressParser.pattern(text);
    } catch (IllegalArgumentException e) {
      throw new MappingException(where + ": " + e.getMessage());
    }
  }

  private static void checkNoSelectorTwice(Mapping mapping, String where) {
    Map<String, String> seen = new LinkedHashMap<>();
    mapping.renames().forEach((selector, unit) -> seen.put(selector, "renames"));
    mapping
        .merges()
        .forEach(
            (unit, selectors) ->
                selectors.forEach(
                    selector -> {
                      String before = seen.put(selector, "merges." + unit);
                      if (before != null) {
                        throw new MappingException(
                            where
                                + ": module \""
                                + selector
                                + "\" is named in both "
                                + before
                                + " and merges."
                                + unit);
                      }
                    }));
  }

  /** A module name ({@code vpc}) or a module instance address ({@code module.a.module.vpc}). */
  private static String selector(String text, String where) {
    if (text.startsWith("module.")) {
      try {
        return AddressParser.moduleInstance(text).render();
      } catch (IllegalArgumentException e) {
        throw new MappingException(where + ": " + e.getMessage());
      }
    }
    if (!text.matches("[\\p{L}_][\\p{L}\\p{N}_-]*")) {
      throw new MappingException(
          where + ": \"" + text + "\" is neither a module name nor a module address");
    }
    return text;
  }

  private static String unit(String name, String where) {
    if (!UNIT.matcher(name).matches()) {
      throw new MappingException(
          where
              + ": \""
              + name
              + "\" is not a unit name (letters, digits, . _ - and / between parts)");
    }
    return name;
  }

  private static Map<String, String> strings(JsonNode root, String field, String where) {
    Map<String, String> values = new LinkedHashMap<>();
    object(root, field, where)
        .properties()
        .forEach(
            e ->
                values.put(
                    e.getKey(), text(e.getValue(), where + ": " + field + "." + e.getKey())));
    return values;
  }

  private static JsonNode object(JsonNode root, String field, String where) {
    JsonNode node = root.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return StateJson.mapper().createObjectNode();
    }
    if (!node.isObject()) {
      throw new MappingException(where + ": " + field + " must be an object");
    }
    return node;
  }

  private static String text(JsonNode node, String where) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new MappingException(where + " must be a non-empty string");
    }
    return node.asText();
  }
}
