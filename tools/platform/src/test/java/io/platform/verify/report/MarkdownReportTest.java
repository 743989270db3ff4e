package io.platform.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.verify.UnitResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void summaryAndTableComeFirstThenFoldedDetails() {
    String md =
        MarkdownReport.write(
            Reports.report(Reports.clean("vpc"), Reports.updating("rds"), Reports.failed("alb")), false);

    assertThat(md).startsWith("## Zero-diff verification: `local` — errors\n");
    assertThat(md.indexOf("| `vpc` | clean |")).isLessThan(md.indexOf("<details>"));
    assertThat(md).contains("| `rds` | changes | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 1 to update, 1 to move, drift in 1 resource |");
    assertThat(md).contains("<details><summary><code>rds</code>: 1 to update, 1 to move, drift in 1 resource</summary>");
    assertThat(md).contains("~ aws_db_instance.this (update+move) from module.old.aws_db_instance.this: tags.Owner, password");
    assertThat(md).contains("<summary><code>alb</code>: plan: Error: Error acquiring the state lock &amp; &lt;friends&gt;</summary>");
    assertThat(md).doesNotContain("<summary><code>vpc</code>");
  }

  @Test
  void staysUnderGitHubsLimitWith200ChangedResourcesPerUnitAndSaysWhatWasLeftOut() {
    List<UnitResult> units = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      units.add(Reports.creating("unit-" + i, 200));
    }

    String md = MarkdownReport.write(Reports.report(units.toArray(UnitResult[]::new)), false);

    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
    assertThat(md).contains("| `unit-39` | changes | 200 |");
    assertThat(md).containsPattern("Report truncated to fit a GitHub comment: details of \\d+ unit\\(s\\) left out");
    assertThat(md.split("<details>", -1).length - 1).isGreaterThan(0);
  }

  @Test
  void aSmallReportIsNotTruncated() {
    String md = MarkdownReport.write(Reports.report(Reports.creating("eks", 200)), false);

    assertThat(md).doesNotContain("truncated").contains("(create)");
    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
  }
}
