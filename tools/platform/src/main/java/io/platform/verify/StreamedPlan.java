package io.platform.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.exec.ErrorLines;
import java.util.Set;

/**
 * What {@code terraform plan -json} streamed while planning. When it reports no planned change and
 * no output change, and ends with its change summary, the unit is clean and the plan file need not
 * be rendered again with {@code terraform show -json}, unless objects changed outside Terraform
 * ({@link #drifted}): Terraform's {@code relevant_attributes}, by which {@link PlanClassifier}
 * tells relevant drift from noise (a route table gaining the routes of separate {@code aws_route}
 * resources), lists the attributes that planned resource and output changes use. Only changes to
 * the root module's outputs are streamed, so such drift is noise for sure only in a configuration
 * without module calls (see {@link Verifier}). Drift that deleted an object, or drift next to a
 * deferred read, is decided from the full plan JSON, as is anything else, output Terraform's
 * messages cannot be read from included.
 *
 * @param quiet no planned change, no output change, drift (if any) only of objects that still
 *     exist, and the change summary seen
 * @param drifted some object changed outside Terraform
 * @param firstError the first error diagnostic, as "Error: summary (file line N: code)", or null
 */
public record StreamedPlan(boolean quiet, boolean drifted, String firstError) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOTHING_TO_DO = Set.of("noop", "read");

  public static StreamedPlan parse(String stdout) {
    boolean quiet = true;
    boolean summarised = false;
    boolean drifted = false;
    boolean reads = false;
    String firstError = null;
    for (String line : stdout.split("\\R")) {
      JsonNode message = message(line);
      if (message == null) {
        continue;
      }
      switch (message.path("type").asText()) {
        case "resource_drift" -> {
          drifted = true;
          quiet &= "update".equals(message.path("change").path("action").asText());
        }
        case "planned_change" -> {
          String action = message.path("change").path("action").asText();
          reads |= "read".equals(action);
          quiet &= NOTHING_TO_DO.contains(action);
        }
        case "change_summary" -> {
          summarised = true;
          JsonNode changes = message.path("changes");
          quiet &=
              changes.path("add").asInt()
                      + changes.path("change").asInt()
                      + changes.path("remove").asInt()
                      + changes.path("import").asInt()
                  == 0;
        }
        case "outputs" -> {
          for (var output : message.path("outputs").properties()) {
            quiet &= "noop".equals(output.getValue().path("action").asText("noop"));
          }
        }
        case "diagnostic" -> {
          if (firstError == null && "error".equals(message.path("@level").asText())) {
            firstError = error(message);
          }
        }
        default -> {
          // Progress messages (refresh, apply_start of data sources, version) carry no verdict.
        }
      }
    }
    // A deferred read is a planned action too: attributes it uses can make drift relevant.
    return new StreamedPlan(quiet && summarised && !(drifted && reads), drifted, firstError);
  }

  /**
   * "Error: summary", with the file, line and source line the diagnostic points at when it has a
   * range.
   */
  private static String error(JsonNode message) {
    JsonNode diagnostic = message.path("diagnostic");
    String summary =
        "Error: " + diagnostic.path("summary").asText(message.path("@message").asText());
    JsonNode range = diagnostic.path("range");
    if (!range.has("filename")) {
      return summary;
    }
    return ErrorLines.located(
        summary,
        range.path("filename").asText(),
        range.path("start").path("line").asInt(),
        diagnostic.path("snippet").path("code").asText(null));
  }

  private static JsonNode message(String line) {
    int start = line.indexOf('{');
    if (start < 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line.substring(start));
      return node.has("type") ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
