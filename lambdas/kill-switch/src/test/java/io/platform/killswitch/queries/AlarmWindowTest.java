package io.platform.killswitch.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.killswitch.Fixtures;
import io.platform.killswitch.event.AlarmEvents;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmWindowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-05T11:00:00Z");
  private final AlarmEvents events = new AlarmEvents(JSON);

  @Test
  void fromTheFirstEvaluatedPeriodToTheTransition() {
    AlarmWindow window = AlarmWindow.of(events.parse(Fixtures.event("alarm.json")), NOW);

    assertThat(window)
        .isEqualTo(
            new AlarmWindow(
                Instant.parse("2026-01-05T10:14:00Z"), Instant.parse("2026-01-05T10:15:02.123Z")));
    assertThat(window.contains(Instant.parse("2026-01-05T10:14:30Z"))).isTrue();
    assertThat(window.contains(Instant.parse("2026-01-05T10:13:59Z"))).isFalse();
  }

  @Test
  void withoutAStartDateOnePeriodBeforeTheTransitionAndWithoutEitherFiveMinutesBeforeNow()
      throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.eventText("alarm.json"));
    ObjectNode state = (ObjectNode) event.path("detail").path("state");
    state.put("reasonData", "{\"period\":300}");
    AlarmWindow onePeriod = AlarmWindow.of(parse(event), NOW);
    state.remove("reasonData");
    state.remove("timestamp");
    AlarmWindow beforeNow = AlarmWindow.of(parse(event), NOW);

    assertThat(onePeriod.start()).isEqualTo(Instant.parse("2026-01-05T10:10:02.123Z"));
    assertThat(beforeNow).isEqualTo(new AlarmWindow(NOW.minusSeconds(300), NOW));
  }

  private AlarmStateChangeEvent parse(ObjectNode event) throws Exception {
    return events.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(event)));
  }
}
