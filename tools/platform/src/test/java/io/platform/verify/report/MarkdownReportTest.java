package io.platform.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.live.Unit;
import io.platform.verify.Scope;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void summaryAndTableComeFirstThenFoldedDetails() {
    String md =
        MarkdownReport.write(
            Reports.report(Reports.clean("vpc"), Reports.updating("rds"), Reports.failed("alb")),
            false);

    // The hidden marker first: what the next run finds the comment by, to edit it in place.
    assertThat(md)
        .startsWith(
            "<!-- platform-verify: local -->\n## Zero-diff verification: `local` — errors\n");
    assertThat(md.indexOf("| `vpc` | clean |")).isLessThan(md.indexOf("<details>"));
    assertThat(md)
        .contains(
            "| `rds` | changes | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 1 to update, 1 to move, drift in 1 resource |");
    assertThat(md)
        .contains(
            "<details><summary><code>rds</code>: 1 to update, 1 to move, drift in 1 resource</summary>");
    assertThat(md)
        .contains(
            "~ aws_db_instance.this (update+move) from module.old.aws_db_instance.this: tags.Owner, password");
    assertThat(md)
        .contains(
            "<summary><code>alb</code>: plan: Error: Error acquiring the state lock &amp; &lt;friends&gt;</summary>");
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
    assertThat(md)
        .containsPattern(
            "Report truncated to fit a GitHub comment: details of \\d+ unit\\(s\\) left out");
    assertThat(md.split("<details>", -1).length - 1).isGreaterThan(0);
  }

  @Test
  void aSmallReportIsNotTruncated() {
    String md = MarkdownReport.write(Reports.report(Reports.creating("eks", 200)), false);

    assertThat(md).doesNotContain("truncated").contains("(create)");
    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
  }

  @Test
  void staysUnderGitHubsLimitWithThousandsOfUnitsAndSaysHowManyRowsWereLeftOut() {
    List<UnitResult> units = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      units.add(Reports.clean("environment-" + i + "/region/component"));
    }
    units.add(Reports.failed("zz"));

    String md = MarkdownReport.write(Reports.report(units.toArray(UnitResult[]::new)), false);

    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
    assertThat(md)
        .startsWith("<!-- platform-verify: local -->\n## Zero-diff verification")
        .contains("**3001 units**");
    assertThat(md)
        .containsPattern(
            "Report truncated to fit a GitHub comment: \\d+ unit\\(s\\) left out of the table");
  }

  @Test
  void aHugeErrorLineIsCutInTheTableToo() {
    UnitResult huge =
        new UnitResult(
            new Unit(Path.of("/live/x"), "x"),
            Verdict.ERROR,
            null,
            "plan: Error: " + "y".repeat(100_000),
            Duration.ZERO);

    String md = MarkdownReport.write(Reports.report(huge, Reports.clean("vpc")), false);

    assertThat(md.length()).isLessThan(2 * MarkdownReport.MAX_LINE + 2_000);
    assertThat(md).contains("| `vpc` | clean |");
  }

  @Test
  void unitNamesAndErrorsKeepTheTableIntact() {
    UnitResult odd =
        new UnitResult(
            new Unit(Path.of("/live/x"), "a|b `c`"),
            Verdict.ERROR,
            null,
            "plan: Error: <friends> & `x` | y",
            Duration.ZERO);

    String md = MarkdownReport.write(Reports.report(odd), false);

    String row = md.lines().filter(l -> l.startsWith("| ``")).findFirst().orElseThrow();
    assertThat(row)
        .startsWith("| `` a\\|b `c` `` | error |")
        .contains("&lt;friends&gt; &amp;")
        .endsWith("\\| y |");
    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(11);
  }

  @Test
  void aLineCutInTheMiddleOfAnEmojiStaysValidUnicode() {
    String address = "a".repeat(MarkdownReport.MAX_LINE - 3) + "\uD83D\uDE00".repeat(10);
    UnitResult emoji =
        new UnitResult(
            new Unit(Path.of("/live/x"), "x"), Verdict.ERROR, null, address, Duration.ZERO);

    String md = MarkdownReport.write(Reports.report(emoji), false);

    assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(md)).isTrue();
  }

  @Test
  void aCutReportLinksToTheFullOneAndAWholeOneDoesNot() {
    List<UnitResult> units = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      units.add(Reports.creating("unit-" + i, 3));
    }
    String url = "https://github.com/acme/platform/actions/runs/42#artifacts";

    String cut = MarkdownReport.write(Reports.report(units.toArray(UnitResult[]::new)), false, url);
    String whole = MarkdownReport.write(Reports.report(Reports.clean("vpc")), false, url);

    assertThat(cut.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
    assertThat(cut).endsWith("> Full report: " + url + "\n");
    assertThat(whole).doesNotContain(url);
  }

  @Test
  void aSelectionSaysWhyEachUnitIsThereOrThatNothingNeededVerifying() {
    Scope scope =
        new Scope(
            "affected since main (1 file changed)",
            Map.of("vpc", "module modules/vpc changed: modules/vpc/main.tf"),
            1,
            7,
            null);

    String selected =
        MarkdownReport.write(Reports.report(Reports.clean("vpc")).withScope(scope), false);
    String nothing =
        MarkdownReport.write(
            Reports.report()
                .withScope(new Scope("affected since main (1 file changed)", Map.of(), 0, 7, null)),
            false);

    assertThat(selected)
        .contains("**Selected**: affected since main (1 file changed): 1 of 7 units")
        .contains("| Summary | Why |")
        .contains("| no changes | module modules/vpc changed: modules/vpc/main.tf |");
    assertThat(nothing)
        .contains("0 of 7 units")
        .contains("No unit reads what changed: nothing to verify.");
  }
}
