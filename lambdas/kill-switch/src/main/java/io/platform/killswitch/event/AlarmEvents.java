package io.platform.killswitch.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Reads the Lambda input into an {@link AlarmStateChangeEvent}, or says why it cannot. */
public final class AlarmEvents {
  private static final String DETAIL = "detail";
  private static final String DETAIL_TYPE = "detail-type";
  private static final String SOURCE = "source";

  private final ObjectReader reader;

  public AlarmEvents(ObjectMapper json) {
    this.reader =
        json.readerFor(AlarmStateChangeEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Parses the event. An event of another kind (another detail-type) parses fine, whatever its
   * detail holds, and is for the caller to ignore; a CloudWatch alarm event without an alarm name
   * or state is malformed.
   *
   * @throws MalformedEventException when the input is not such an event
   */
  public AlarmStateChangeEvent parse(InputStream input) {
    AlarmStateChangeEvent event;
    try {
      byte[] bytes = input.readAllBytes();
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        throw new MalformedEventException("the event is empty");
      }
      JsonNode tree = reader.readTree(bytes);
      if (!tree.isObject()) {
        throw new MalformedEventException(
            tree.isNull() ? "the event is null" : "the event is not a JSON object");
      }
      if (!isAlarmStateChange(tree)) {
        // Only an alarm's detail has the alarm model's shape: an EC2 state change's "state" is
        // text.
        ((ObjectNode) tree).remove(DETAIL);
      }
      event = reader.readValue(tree);
    } catch (JsonProcessingException e) {
      // The parser's own message quotes the input; the field or location is enough to find the
      // fault.
      throw new MalformedEventException(
          "the event is not a JSON object of the expected shape" + where(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event", e);
    }
    if (event.detailType() == null || event.source() == null) {
      throw new MalformedEventException("the event has no detail-type or source");
    }
    if (!event.isAlarmStateChange()) {
      return event;
    }
    if (event.detail() == null || blank(event.detail().alarmName())) {
      throw new MalformedEventException("the alarm event has no detail.alarmName");
    }
    if (event.detail().state() == null || blank(event.detail().state().value())) {
      throw new MalformedEventException(
          "the event of alarm " + event.alarmName() + " has no detail.state.value");
    }
    return event;
  }

  private static boolean isAlarmStateChange(JsonNode tree) {
    return AlarmStateChangeEvent.DETAIL_TYPE.equals(tree.path(DETAIL_TYPE).textValue())
        && AlarmStateChangeEvent.SOURCE.equals(tree.path(SOURCE).textValue());
  }

  /** Where the fault is: the field, for a value of the wrong shape; else line and column. */
  private static String where(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return " (at " + path(mapping) + ")";
    }
    return e.getLocation() == null
        ? ""
        : " (at line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /**
   * E.g. {@code detail.state} or {@code resources[0]}: modelled names only, nothing of the input.
   */
  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
            .collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
