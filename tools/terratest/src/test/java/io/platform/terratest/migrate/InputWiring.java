package io.platform.terratest.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.migrate.address.HclString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HCL expression a monolith passes for each input of one component, from its live unit's
 * rendered configuration. Rendered before any unit has a state, a unit's dependency outputs are its
 * mock outputs, so an input (or a part of one) that equals a mock output, or a string or non-empty
 * part of one, is the sibling module's output at the same path; everything else is the rendered
 * value itself, read from {@code var.units}. A dependency that feeds no input, or an input that
 * matches two mocks, is an error: the mocks must be distinct to be told apart.
 */
final class InputWiring {
  /**
   * A dependency of the unit: the HCL reference to the sibling module and the unit's mocks for it.
   */
  record Dependency(String name, String reference, JsonNode mockOutputs) {}

  private record Source(Dependency dependency, String expression) {}

  private final String unit;
  private final List<Dependency> dependencies;
  private final Set<String> used = new LinkedHashSet<>();

  InputWiring(String unit, List<Dependency> dependencies) {
    this.unit = unit;
    this.dependencies = List.copyOf(dependencies);
  }

  /** Input name to expression, in the rendered order. */
  Map<String, String> expressions(JsonNode inputs) {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> input : fields(inputs)) {
      String literal =
          "var.units[" + HclString.quote(unit) + "][" + HclString.quote(input.getKey()) + "]";
      expressions.put(input.getKey(), expression(input.getValue(), literal, input.getKey()));
    }
    for (Dependency dependency : dependencies) {
      if (!used.contains(dependency.name())) {
        throw new IllegalStateException(
            "unit "
                + unit
                + ": no input equals a mock output of dependency "
                + dependency.name()
                + " (were real outputs rendered instead of the mocks?)");
      }
    }
    return expressions;
  }

  private String expression(JsonNode value, String literal, String input) {
    List<Source> sources = sources(value);
    if (sources.size() > 1) {
      throw new IllegalStateException(
          "unit "
              + unit
              + ", input "
              + input
              + ": "
              + literal
              + " equals more than one mock output: "
              + sources.stream().map(Source::expression).toList()
              + "; make the mocks distinct");
    }
    if (sources.size() == 1) {
      used.add(sources.get(0).dependency().name());
      return sources.get(0).expression();
    }
    List<String> parts = new ArrayList<>();
    boolean wired = false;
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        String part = expression(value.get(i), literal + "[" + i + "]", input);
        wired |= !part.equals(literal + "[" + i + "]");
        parts.add(part);
      }
      return wired ? "[" + String.join(", ", parts) + "]" : literal;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : fields(value)) {
        String own = literal + "[" + HclString.quote(field.getKey()) + "]";
        String part = expression(field.getValue(), own, input);
        wired |= !part.equals(own);
        parts.add(HclString.quote(field.getKey()) + " = " + part);
      }
      return wired ? "{ " + String.join(", ", parts) + " }" : literal;
    }
    return literal;
  }

  /** Where the value occurs among the mock outputs; empty for values too plain to tell apart. */
  private List<Source> sources(JsonNode value) {
    List<Source> sources = new ArrayList<>();
    if (value.isTextual() || (value.isContainerNode() && !value.isEmpty())) {
      for (Dependency dependency : dependencies) {
        for (Map.Entry<String, JsonNode> output : fields(dependency.mockOutputs())) {
          collect(
              dependency,
              output.getValue(),
              dependency.reference() + "." + output.getKey(),
              value,
              sources);
        }
      }
    }
    return sources;
  }

  private static void collect(
      Dependency dependency,
      JsonNode mock,
      String expression,
      JsonNode value,
      List<Source> sources) {
    if (mock.equals(value)) {
      sources.add(new Source(dependency, expression));
    } else if (mock.isArray()) {
      for (int i = 0; i < mock.size(); i++) {
        collect(dependency, mock.get(i), expression + "[" + i + "]", value, sources);
      }
    } else if (mock.isObject()) {
      for (Map.Entry<String, JsonNode> field : fields(mock)) {
        collect(
            dependency,
            field.getValue(),
            expression + "[" + HclString.quote(field.getKey()) + "]",
            value,
            sources);
      }
    }
  }

  /** An object's fields, for a for-each loop. */
  static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    return object.properties();
  }
}
