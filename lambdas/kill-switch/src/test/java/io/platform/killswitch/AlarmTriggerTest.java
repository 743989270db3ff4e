package io.platform.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.config.AlarmAllowlist;
import io.platform.killswitch.event.AlarmEvents;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmTriggerTest {
  private final AlarmEvents events = new AlarmEvents(new ObjectMapper());
  private final AlarmTrigger trigger =
      new AlarmTrigger(new AlarmAllowlist(Set.of("platform-athena-processed-bytes-spike"), Optional.of("platform-athena-processed-bytes-")));

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "alarm.json, -",
      "sustained-alarm.json, -",
      "ok.json, 'moved to OK, not ALARM'",
      "insufficient-data.json, 'moved to INSUFFICIENT_DATA, not ALARM'",
      "foreign-alarm.json, 'alarm billing-estimated-charges-high is not in the allowlist'",
      "scheduled-event.json, not a CloudWatch alarm state change",
      "ec2-state-change.json, not a CloudWatch alarm state change",
  })
  void actsOnlyOnAnAlarmTransitionOfAnAllowedAlarm(String fixture, String reason) {
    Optional<String> ignored = trigger.ignoreReason(events.parse(Fixtures.event(fixture)));

    if (reason == null) {
      assertThat(ignored).isEmpty();
    } else {
      assertThat(ignored).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }
  }
}
