package io.platform.terratest.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** IAM policy documents as the IAM API returns them (URL-encoded JSON), parsed. */
final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /** The statements of a policy document, a single statement object counted as a list of one. */
  static List<JsonNode> statements(String document) {
    String json =
        document.startsWith("%") ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
    try {
      JsonNode statement = JSON.readTree(json).path("Statement");
      List<JsonNode> statements = new ArrayList<>();
      if (statement.isArray()) {
        statement.forEach(statements::add);
      } else if (!statement.isMissingNode()) {
        statements.add(statement);
      }
      return statements;
    } catch (IOException e) {
      throw new UncheckedIOException("not a policy document: " + json, e);
    }
  }

  /** A statement's Action or Resource as a list, whether the document holds a string or a list. */
  static List<String> values(JsonNode statement, String field) {
    JsonNode value = statement.path(field);
    List<String> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> values.add(v.asText()));
    } else if (!value.isMissingNode()) {
      values.add(value.asText());
    }
    return values;
  }
}
