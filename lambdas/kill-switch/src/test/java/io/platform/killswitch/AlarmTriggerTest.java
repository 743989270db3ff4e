package io.platform.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.config.AlarmAllowlist;
import io.platform.killswitch.event.AlarmEvents;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmTriggerTest {
  private static final FunctionHome HOME = new FunctionHome("123456789012", "us-east-1");

  private final AlarmEvents events = new AlarmEvents(new ObjectMapper());
  private final AlarmTrigger trigger =
      new AlarmTrigger(
          new AlarmAllowlist(
              Set.of("platform-athena-processed-bytes-spike"),
              Optional.of("platform-athena-processed-bytes-")));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "alarm.json, -",
        "sustained-alarm.json, -",
        "ok.json, 'moved to OK, not ALARM'",
        "insufficient-data.json, 'moved to INSUFFICIENT_DATA, not ALARM'",
        "foreign-alarm.json, 'alarm billing-estimated-charges-high is not in the allowlist'",
        "scheduled-event.json, not a CloudWatch alarm state change",
        "ec2-state-change.json, not a CloudWatch alarm state change",
        "heartbeat.json, not a CloudWatch alarm state change",
        "other-account-alarm.json, 'is from account 210987654321, not this function''s account 123456789012'",
        "other-region-alarm.json, 'is from region eu-west-1, not this function''s region us-east-1'",
        "suppressed-composite-alarm.json, 'has its actions suppressed by Alarm (Alarm platform-maintenance-window is in ALARM state)'",
        "unsuppressed-composite-alarm.json, -",
      })
  void actsOnlyOnAnAlarmTransitionOfAnAllowedAlarm(String fixture, String reason) {
    Optional<String> ignored = trigger.ignoreReason(events.parse(Fixtures.event(fixture)), HOME);

    if (reason == null) {
      assertThat(ignored).isEmpty();
    } else {
      assertThat(ignored).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }
  }

  @Test
  void theHomeIsTheInvokedFunctionsAccountAndRegionOrElseTheTopics() {
    String topic = "arn:aws:sns:eu-west-1:111111111111:kill-switch";

    assertThat(
            FunctionHome.of(
                "arn:aws:lambda:us-east-1:123456789012:function:kill-switch:live", topic))
        .isEqualTo(HOME);
    assertThat(FunctionHome.of(null, topic))
        .isEqualTo(new FunctionHome("111111111111", "eu-west-1"));
  }
}
