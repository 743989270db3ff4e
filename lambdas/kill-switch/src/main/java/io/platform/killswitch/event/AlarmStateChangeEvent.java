package io.platform.killswitch.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * The EventBridge event CloudWatch sends when an alarm changes state (detail-type "CloudWatch Alarm
 * State Change", source "aws.cloudwatch"). Only the fields the kill switch reads or reports are
 * modelled; anything else in the event is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlarmStateChangeEvent(
    String id,
    @JsonProperty("detail-type") String detailType,
    String source,
    String account,
    String region,
    String time,
    List<String> resources,
    Detail detail) {

  public static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
  public static final String SOURCE = "aws.cloudwatch";

  /**
   * The proof-of-life event the kill-switch module's schedule sends (its rule's constant input).
   */
  public static final String HEARTBEAT_DETAIL_TYPE = "Kill Switch Heartbeat";

  public static final String HEARTBEAT_SOURCE = "platform.kill-switch";

  /** Whether CloudWatch sent this event about an alarm, as opposed to any other event. */
  public boolean isAlarmStateChange() {
    return DETAIL_TYPE.equals(detailType) && SOURCE.equals(source);
  }

  /** Whether this is the schedule's heartbeat, which only ever reads. */
  public boolean isHeartbeat() {
    return HEARTBEAT_DETAIL_TYPE.equals(detailType) && HEARTBEAT_SOURCE.equals(source);
  }

  public String alarmName() {
    return detail.alarmName();
  }

  public String stateValue() {
    return detail.state().value();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Detail(
      String alarmName, State state, State previousState, Configuration configuration) {}

  /**
   * One alarm state.
   *
   * @param value {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
   * @param reasonData JSON that CloudWatch sends inside a string; a value that is not JSON is kept
   *     as text, since it only ever informs the notice
   * @param timestamp as CloudWatch writes it, e.g. {@code 2026-01-05T10:15:02.123+0000}
   * @param actionsSuppressedBy a composite alarm's action suppression: {@code WaitPeriod}, {@code
   *     ExtensionPeriod} or {@code Alarm} while its actions are held back
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record State(
      String value,
      String reason,
      @JsonDeserialize(using = EmbeddedJsonDeserializer.class) JsonNode reasonData,
      String timestamp,
      String actionsSuppressedBy,
      String actionsSuppressedReason) {

    /** Whether CloudWatch held back this alarm's actions, so that nothing should act on it. */
    public boolean actionsSuppressed() {
      return actionsSuppressedBy != null
          && !actionsSuppressedBy.isBlank()
          && !"none".equalsIgnoreCase(actionsSuppressedBy);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Configuration(String description, List<JsonNode> metrics) {}
}
