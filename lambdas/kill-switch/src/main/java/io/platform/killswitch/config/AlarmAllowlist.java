package io.platform.killswitch.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alarms allowed to trigger the kill switch: exact names, a name prefix, or both. An alarm
 * matches when its name is one of the names or starts with the prefix; matching is exact and
 * case-sensitive, as CloudWatch alarm names are.
 */
public record AlarmAllowlist(Set<String> names, Optional<String> prefix) {

  public AlarmAllowlist {
    names = Set.copyOf(names);
    prefix = prefix.filter(p -> !p.isBlank());
    if (names.isEmpty() && prefix.isEmpty()) {
      throw new ConfigurationException(
          "no alarm may trigger the kill switch: set ALARM_NAMES (comma-separated) or ALARM_NAME_PREFIX");
    }
  }

  /** Parses {@code ALARM_NAMES} (comma-separated, blanks ignored) and {@code ALARM_NAME_PREFIX}. */
  static AlarmAllowlist parse(String names, String prefix) {
    Set<String> parsed =
        names == null
            ? Set.of()
            : Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    return new AlarmAllowlist(parsed, Optional.ofNullable(prefix).map(String::trim));
  }

  public boolean allows(String alarmName) {
    return alarmName != null
        && (names.contains(alarmName) || prefix.map(alarmName::startsWith).orElse(false));
  }

  /** For log lines and notices: what the allowlist holds, sorted. */
  public String describe() {
    List<String> parts =
        names.stream().sorted().map(n -> "'" + n + "'").collect(Collectors.toList());
    prefix.ifPresent(p -> parts.add("prefix '" + p + "'"));
    return String.join(", ", parts);
  }
}
