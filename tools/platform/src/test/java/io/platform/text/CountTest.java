package io.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountTest {
  @Test
  void oneIsSingularAndEveryOtherNumberPlural() {
    assertThat(Count.of(1, "unit")).isEqualTo("1 unit");
    assertThat(Count.of(0, "error")).isEqualTo("0 errors");
    assertThat(Count.of(2, "dependency", "dependencies")).isEqualTo("2 dependencies");
    assertThat(Count.of(1, "dependency", "dependencies")).isEqualTo("1 dependency");
  }
}
