package io.platform.verify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.verify.VerifyReport;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  @Test
  void roundTripsEveryVerdictCountAndAddress() {
    VerifyReport report =
        Reports.report(
            Reports.clean("vpc"),
            Reports.outputOnly("athena"),
            Reports.creating("eks", 3),
            Reports.updating("rds"),
            Reports.failed("alb"));

    String json = JsonReport.write(report, false);

    assertThat(JsonReport.read(json)).isEqualTo(report);
    assertThat(json)
        .contains(
            "\"exit_code\" : 1", "\"previous_address\" : \"module.old.aws_db_instance.this\"");
  }

  @Test
  void refusesSomethingElse() {
    assertThatThrownBy(() -> JsonReport.read("{\"units\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format_version");
    assertThatThrownBy(() -> JsonReport.read("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a verify report");
  }
}
