package io.platform.killswitch.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmEventsTest {
  private final AlarmEvents events = new AlarmEvents(new ObjectMapper());

  private static ByteArrayInputStream text(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheDocumentedAlarmEventWithItsEmbeddedReasonData() {
    AlarmStateChangeEvent event = events.parse(Fixtures.event("alarm.json"));

    assertThat(event.isAlarmStateChange()).isTrue();
    assertThat(event.alarmName()).isEqualTo("platform-athena-processed-bytes-spike");
    assertThat(event.stateValue()).isEqualTo("ALARM");
    assertThat(event.detail().previousState().value()).isEqualTo("OK");
    assertThat(event.account()).isEqualTo("123456789012");
    assertThat(event.detail().state().reasonData().isObject()).isTrue();
    assertThat(event.detail().state().reasonData().get("threshold").asDouble()).isEqualTo(1.0e12);
    assertThat(event.detail().configuration().metrics())
        .singleElement()
        .satisfies(
            m -> assertThat(m.at("/metricStat/metric/namespace").asText()).isEqualTo("AWS/Athena"));
  }

  @Test
  void ignoresFieldsItDoesNotModel() {
    String withExtras =
        Fixtures.eventText("alarm.json")
            .replaceFirst("\\{", "{\"futureField\": {\"nested\": [1, 2]}, ")
            .replace(
                "\"alarmName\"",
                "\"alarmArn\": \"arn:aws:cloudwatch:us-east-1:123456789012:alarm:x\", \"alarmName\"");

    assertThat(events.parse(text(withExtras)).alarmName())
        .isEqualTo("platform-athena-processed-bytes-spike");
  }

  @Test
  void keepsReasonDataThatIsNotJsonAsText() {
    String garbled =
        Fixtures.eventText("alarm.json")
            .replaceFirst(
                "\"reasonData\": \"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\"",
                "\"reasonData\": \"not json {\"");

    AlarmStateChangeEvent event = events.parse(text(garbled));

    assertThat(event.detail().state().reasonData().isTextual()).isTrue();
    assertThat(event.detail().state().reasonData().asText()).isEqualTo("not json {");
  }

  @ParameterizedTest
  @CsvSource({
    "scheduled-event.json, Scheduled Event",
    "ec2-state-change.json, EC2 Instance State-change Notification"
  })
  void anEventOfAnotherKindParsesAndSaysSoWhateverItsDetailHolds(
      String fixture, String detailType) {
    AlarmStateChangeEvent event = events.parse(Fixtures.event(fixture));

    assertThat(event.isAlarmStateChange()).isFalse();
    assertThat(event.detailType()).isEqualTo(detailType);
  }

  @Test
  void anAlarmEventOfTheWrongShapeIsRefusedNamingWhere() {
    String stateAsText =
        Fixtures.eventText("alarm.json")
            .replaceFirst("\"state\": \\{", "\"state\": \"ALARM\", \"x\": {");

    assertThatThrownBy(() -> events.parse(text(stateAsText)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("detail.state");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "malformed-not-json.txt",
        "malformed-array.json",
        "malformed-missing-state.json",
        "malformed-missing-alarm-name.json"
      })
  void aMalformedEventIsRefusedWithAReasonThatDoesNotQuoteIt(String fixture) {
    assertThatThrownBy(() -> events.parse(Fixtures.event(fixture)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("the ")
        .hasMessageNotContaining("{\"");
  }

  @Test
  void theReasonNamesTheMissingField() {
    assertThatThrownBy(() -> events.parse(Fixtures.event("malformed-missing-state.json")))
        .hasMessageContaining("detail.state.value")
        .hasMessageContaining("platform-athena-processed-bytes-spike");
    assertThatThrownBy(() -> events.parse(text("{}"))).hasMessageContaining("detail-type");
    assertThatThrownBy(() -> events.parse(text("[1]")))
        .hasMessage("the event is not a JSON object");
    assertThatThrownBy(() -> events.parse(text("null"))).hasMessage("the event is null");
    assertThatThrownBy(() -> events.parse(text(""))).hasMessageContaining("empty");
  }
}
