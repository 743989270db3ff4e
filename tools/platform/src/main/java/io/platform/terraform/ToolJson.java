package io.platform.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.exec.ExecException;
import io.platform.exec.ExecResult;

/** Reads the JSON a Terraform or Terragrunt command printed on stdout. */
final class ToolJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolJson() {}

  static JsonNode parse(ExecResult result, String what) {
    result.requireSuccess();
    String stdout = result.stdout();
    int start = firstJsonStart(stdout);
    if (start < 0) {
      throw new ExecException(what + " printed no JSON", null);
    }
    try {
      return JSON.readTree(stdout.substring(start));
    } catch (JsonProcessingException e) {
      throw new ExecException(what + " printed invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static int firstJsonStart(String text) {
    int object = text.indexOf('{');
    int array = text.indexOf('[');
    if (object < 0) {
      return array;
    }
    return array < 0 ? object : Math.min(object, array);
  }
}
