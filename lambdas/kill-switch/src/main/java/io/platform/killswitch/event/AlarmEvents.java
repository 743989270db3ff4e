package io.platform.killswitch.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the Lambda input into an {@link AlarmStateChangeEvent}, or says why it cannot. */
public final class AlarmEvents {
  private final ObjectReader reader;

  public AlarmEvents(ObjectMapper json) {
    this.reader =
        json.readerFor(AlarmStateChangeEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Parses the event. An event of another kind (another detail-type) parses fine and is for the
   * caller to ignore; a CloudWatch alarm event without an alarm name or state is malformed.
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
      event = reader.readValue(bytes);
    } catch (JsonProcessingException e) {
      // The parser's own message quotes the input; the location is enough to find the fault.
      throw new MalformedEventException("the event is not a JSON object of the expected shape" + where(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event", e);
    }
    if (event == null) {
      throw new MalformedEventException("the event is null");
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

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
