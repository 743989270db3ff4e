package io.platform.killswitch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmAllowlistTest {

  @ParameterizedTest(name = "names={0} prefix={1}: {2} -> {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "'spike, sustained', -, spike, true",
        "'spike, sustained', -, sustained, true",
        "'spike, sustained', -, spike-2, false",
        "'spike, sustained', -, Spike, false",
        "spike, -, ' spike', false",
        "-, platform-athena-, platform-athena-spike, true",
        "-, platform-athena-, platform-athena-, true",
        "-, platform-athena-, other-platform-athena-spike, false",
        "-, platform-athena-, Platform-athena-spike, false",
        "billing, platform-athena-, billing, true",
        "billing, platform-athena-, platform-athena-failures, true",
        "billing, platform-athena-, billing-2, false",
      })
  void allowsExactNamesAndThePrefixOnly(
      String names, String prefix, String alarm, boolean allowed) {
    assertThat(AlarmAllowlist.parse(names, prefix).allows(alarm)).isEqualTo(allowed);
  }

  @Test
  void neverAllowsAMissingName() {
    assertThat(AlarmAllowlist.parse("a", "a").allows(null)).isFalse();
  }

  @Test
  void anEmptyAllowlistIsRefused() {
    assertThatThrownBy(() -> AlarmAllowlist.parse(" ,, ", "  "))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ALARM_NAMES")
        .hasMessageContaining("ALARM_NAME_PREFIX");
  }

  @Test
  void describesItselfSorted() {
    assertThat(AlarmAllowlist.parse("b,a", "p-").describe()).isEqualTo("'a', 'b', prefix 'p-'");
  }
}
