package io.platform.killswitch.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * Structured log lines, one JSON object per line, for CloudWatch Logs Insights. Callers put in ids,
 * names and outcomes only: no secret value ever reaches this class.
 */
public final class JsonLog {
  private final ObjectMapper json;
  private final Consumer<String> sink;
  private final String requestId;

  /**
   * @param sink receives each line, newline-terminated (the Lambda logger, or stderr)
   */
  public JsonLog(ObjectMapper json, Consumer<String> sink, String requestId) {
    this.json = json;
    this.sink = sink;
    this.requestId = requestId;
  }

  public void info(String event, Consumer<ObjectNode> fields) {
    write("INFO", event, fields);
  }

  public void warn(String event, Consumer<ObjectNode> fields) {
    write("WARN", event, fields);
  }

  public void error(String event, Consumer<ObjectNode> fields) {
    write("ERROR", event, fields);
  }

  private void write(String level, String event, Consumer<ObjectNode> fields) {
    ObjectNode line = json.createObjectNode().put("level", level).put("event", event);
    if (requestId != null) {
      line.put("request_id", requestId);
    }
    fields.accept(line);
    try {
      sink.accept(json.writeValueAsString(line) + "\n");
    } catch (JsonProcessingException e) {
      sink.accept(
          "{\"level\":\"ERROR\",\"event\":\"log\",\"message\":\"unserialisable log line\"}\n");
    }
  }
}
