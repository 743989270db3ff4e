package io.platform.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a module's requirements, resources, inputs and outputs as Markdown tables, from the JSON
 * of {@code terraform-config-inspect --json}, in the layout terraform-docs uses.
 */
public final class ModuleDocs {
  public static final String BEGIN = "<!-- BEGIN_TF_DOCS -->";
  public static final String END = "<!-- END_TF_DOCS -->";

  private ModuleDocs() {}

  public static String render(JsonNode module) {
    StringBuilder out = new StringBuilder(BEGIN).append("\n");
    requirements(module, out);
    modules(module, out);
    resources(module, out);
    inputs(module, out);
    outputs(module, out);
    return out.append(END).append("\n").toString();
  }

  /**
   * The README with its generated section replaced (or appended when it has none yet), the
   * hand-written prose around it untouched.
   */
  public static String update(String readme, String generated) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      return readme.stripTrailing() + "\n\n" + generated;
    }
    int after = end + END.length();
    if (after < readme.length() && readme.charAt(after) == '\n') {
      after++;
    }
    return readme.substring(0, begin) + generated + readme.substring(after);
  }

  private static void requirements(JsonNode module, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    List<String> core = texts(module.path("required_core"));
    if (!core.isEmpty()) {
      rows.add(new String[] {"terraform", String.join(", ", core)});
    }
    for (Map.Entry<String, JsonNode> provider :
        sorted(module.path("required_providers")).entrySet()) {
      rows.add(
          new String[] {
            provider.getKey(),
            String.join(", ", texts(provider.getValue().path("version_constraints")))
          });
    }
    table(out, "Requirements", new String[] {"Name", "Version"}, rows);
  }

  private static void modules(JsonNode module, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> call : sorted(module.path("module_calls")).entrySet()) {
      rows.add(new String[] {call.getKey(), code(call.getValue().path("source").asText())});
    }
    if (!rows.isEmpty()) {
      table(out, "Modules", new String[] {"Name", "Source"}, rows);
    }
  }

  private static void resources(JsonNode module, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    for (String address : sorted(module.path("managed_resources")).keySet()) {
      rows.add(new String[] {code(address), "resource"});
    }
    for (String address : sorted(module.path("data_resources")).keySet()) {
      rows.add(new String[] {code(address), "data source"});
    }
    table(out, "Resources", new String[] {"Name", "Type"}, rows);
  }

  private static void inputs(JsonNode module, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> variable : sorted(module.path("variables")).entrySet()) {
      JsonNode v = variable.getValue();
      boolean required = v.path("required").asBoolean(false);
      rows.add(
          new String[] {
            code(variable.getKey()),
            cell(v.path("description").asText("")),
            block(v.path("type").asText("any")),
            required ? "n/a" : block(v.path("default").toString()),
            required ? "yes" : "no"
          });
    }
    table(out, "Inputs", new String[] {"Name", "Description", "Type", "Default", "Required"}, rows);
  }

  private static void outputs(JsonNode module, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> output : sorted(module.path("outputs")).entrySet()) {
      rows.add(
          new String[] {
            code(output.getKey()), cell(output.getValue().path("description").asText(""))
          });
    }
    table(out, "Outputs", new String[] {"Name", "Description"}, rows);
  }

  private static void table(StringBuilder out, String title, String[] header, List<String[]> rows) {
    out.append("\n## ").append(title).append("\n\n");
    if (rows.isEmpty()) {
      out.append("No ").append(title.toLowerCase(Locale.ROOT)).append(".\n");
      return;
    }
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.length; i++) {
      out.append("------|");
    }
    out.append('\n');
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
  }

  private static Map<String, JsonNode> sorted(JsonNode object) {
    Map<String, JsonNode> entries = new TreeMap<>();
    object.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
    return entries;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", "<br>");
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  /** Inline code, or a {@code <pre>} block for values that span lines. */
  private static String block(String text) {
    if (!text.contains("\n")) {
      return code(text.replace("|", "\\|"));
    }
    return "<pre>"
        + text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("|", "&#124;")
            .replace("\n", "<br>")
        + "</pre>";
  }
}
