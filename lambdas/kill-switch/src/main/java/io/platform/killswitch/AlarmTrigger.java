package io.platform.killswitch;

import io.platform.killswitch.config.AlarmAllowlist;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import java.util.Optional;

/** Decides whether an event is one to act on: an ALARM transition of an allowed alarm. */
final class AlarmTrigger {
  static final String ALARM_STATE = "ALARM";

  private final AlarmAllowlist allowlist;

  AlarmTrigger(AlarmAllowlist allowlist) {
    this.allowlist = allowlist;
  }

  /** Why the event is not one to act on; empty when it is. */
  Optional<String> ignoreReason(AlarmStateChangeEvent event) {
    if (!event.isAlarmStateChange()) {
      return Optional.of("not a CloudWatch alarm state change (detail-type '" + event.detailType()
          + "', source '" + event.source() + "')");
    }
    if (!allowlist.allows(event.alarmName())) {
      return Optional.of("alarm " + event.alarmName() + " is not in the allowlist (" + allowlist.describe() + ")");
    }
    if (!ALARM_STATE.equals(event.stateValue())) {
      return Optional.of("alarm " + event.alarmName() + " moved to " + event.stateValue() + ", not " + ALARM_STATE);
    }
    return Optional.empty();
  }
}
