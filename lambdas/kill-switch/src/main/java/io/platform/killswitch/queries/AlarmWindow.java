package io.platform.killswitch.queries;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The time the alarm looked at: from the start of its first evaluated period ({@code
 * reasonData.startDate}) to its transition. Without a start date, one period (or five minutes)
 * before the transition.
 */
public record AlarmWindow(Instant start, Instant end) {
  /** How CloudWatch writes times in alarm events, e.g. {@code 2026-01-05T10:15:02.123+0000}. */
  private static final DateTimeFormatter CLOUDWATCH =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  static final Duration DEFAULT_PERIOD = Duration.ofMinutes(5);

  public static AlarmWindow of(AlarmStateChangeEvent event, Instant now) {
    AlarmStateChangeEvent.State state = event.detail().state();
    Instant end = instant(state.timestamp()).orElse(now);
    JsonNode reason = state.reasonData();
    Optional<Instant> start =
        reason == null ? Optional.empty() : instant(reason.path("startDate").textValue());
    return new AlarmWindow(
        start.filter(s -> s.isBefore(end)).orElseGet(() -> end.minus(period(event))), end);
  }

  public boolean contains(Instant time) {
    return !time.isBefore(start) && !time.isAfter(end);
  }

  private static Duration period(AlarmStateChangeEvent event) {
    JsonNode reason = event.detail().state().reasonData();
    if (reason != null
        && reason.path("period").canConvertToLong()
        && reason.path("period").asLong() > 0) {
      return Duration.ofSeconds(reason.path("period").asLong());
    }
    return DEFAULT_PERIOD;
  }

  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(CLOUDWATCH.parse(text, Instant::from));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException notIso) {
        return Optional.empty();
      }
    }
  }
}
