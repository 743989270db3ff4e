package io.platform.killswitch.queries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT * FROM orders WHERE email = 'jane@example.com' | SELECT * FROM orders WHERE email = ?",
        "SELECT * FROM t WHERE name = 'O''Brien' AND id > 42 | SELECT * FROM t WHERE name = ? AND id > ?",
        "SELECT price * 1.5e3 FROM t LIMIT 10 | SELECT price * ? FROM t LIMIT ?",
        "SELECT col2, \"2024_sales\" FROM t_2024 | SELECT col2, \"2024_sales\" FROM t_2024",
        "SELECT 'unterminated | SELECT ?",
      })
  void literalsAreElidedAndNamesKept(String sql, String shown) {
    assertThat(QueryText.elide(sql)).isEqualTo(shown);
  }

  @Test
  void whitespaceIsCollapsedAndLongTextCutAtTwoHundredCharacters() {
    String sql = "SELECT\n\t a,\n b FROM t WHERE " + "x = y AND ".repeat(40) + "true";

    String shown = QueryText.elide(sql);

    assertThat(shown)
        .startsWith("SELECT a, b FROM t WHERE x = y AND")
        .endsWith("...")
        .hasSize(QueryText.MAX_CHARS);
    assertThat(QueryText.elide(null)).isEmpty();
  }

  @Test
  void dollarsAreCentsRoundedUpAtThePricePerDecimalTerabyte() {
    ScanCost cost = new ScanCost(5.0);

    assertThat(cost.usd(2_400_000_000_000L)).isEqualTo("$12.00");
    assertThat(cost.usd(1)).isEqualTo("$0.01");
    assertThat(cost.usd(0)).isEqualTo("$0.00");
    assertThat(new ScanCost(6.75).usd(1_000_000_000_000L)).isEqualTo("$6.75");
  }
}
