package io.platform.killswitch;

import io.platform.killswitch.config.AlarmAllowlist;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import java.util.Optional;

/**
 * Decides whether an event is one to act on: an ALARM transition of an allowed alarm, in the
 * function's own account and region, whose actions CloudWatch did not suppress.
 */
final class AlarmTrigger {
  static final String ALARM_STATE = "ALARM";

  private final AlarmAllowlist allowlist;

  AlarmTrigger(AlarmAllowlist allowlist) {
    this.allowlist = allowlist;
  }

  /** Why the event is not one to act on; empty when it is. */
  Optional<String> ignoreReason(AlarmStateChangeEvent event, FunctionHome home) {
    if (!event.isAlarmStateChange()) {
      return Optional.of(
          "not a CloudWatch alarm state change (detail-type '"
              + event.detailType()
              + "', source '"
              + event.source()
              + "')");
    }
    // An event bus can receive other accounts' events; an alarm there says nothing about this user.
    if (!home.account().equals(event.account())) {
      return Optional.of(
          "alarm "
              + event.alarmName()
              + " is from account "
              + event.account()
              + ", not this function's account "
              + home.account());
    }
    if (!home.region().equals(event.region())) {
      return Optional.of(
          "alarm "
              + event.alarmName()
              + " is from region "
              + event.region()
              + ", not this function's region "
              + home.region());
    }
    if (!allowlist.allows(event.alarmName())) {
      return Optional.of(
          "alarm " + event.alarmName() + " is not in the allowlist (" + allowlist.describe() + ")");
    }
    if (!ALARM_STATE.equals(event.stateValue())) {
      return Optional.of(
          "alarm "
              + event.alarmName()
              + " moved to "
              + event.stateValue()
              + ", not "
              + ALARM_STATE);
    }
    AlarmStateChangeEvent.State state = event.detail().state();
    if (state.actionsSuppressed()) {
      return Optional.of(
          "alarm "
              + event.alarmName()
              + " has its actions suppressed by "
              + state.actionsSuppressedBy()
              + (state.actionsSuppressedReason() == null
                  ? ""
                  : " (" + state.actionsSuppressedReason() + ")"));
    }
    return Optional.empty();
  }
}
