package io.platform.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.live.Unit;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class JUnitReportTest {

  private static Document validatedDocument(String xml) throws Exception {
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(new StreamSource(JUnitReportTest.class.getResourceAsStream("/junit.xsd")))
        .newValidator()
        .validate(new StreamSource(new StringReader(xml)));
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void oneTestCasePerUnitValidAgainstTheJUnitSchema() throws Exception {
    String xml =
        JUnitReport.write(
            Reports.report(
                Reports.clean("vpc"),
                Reports.creating("eks", 2),
                Reports.failed("alb"),
                Reports.outputOnly("athena")),
            false);

    Document doc = validatedDocument(xml);

    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("2 to create");
    assertThat(failure.getTextContent())
        .contains("+ module.component_0.aws_security_group_rule.rule[\"ingress <0>\"] (create)");
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .isEqualTo("plan: Error: Error acquiring the state lock & <friends>");
  }

  @Test
  void outputOnlyPassesWhenAllowed() throws Exception {
    Document doc =
        validatedDocument(JUnitReport.write(Reports.report(Reports.outputOnly("athena")), true));

    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("output-only: 1 output changed");
  }

  @Test
  void controlCharactersInNamesAndErrorsStillMakeValidXml() throws Exception {
    UnitResult error =
        new UnitResult(
            new Unit(Path.of("/live/odd"), "odd\u0001name"),
            Verdict.ERROR,
            null,
            "plan: Error: \u001b]8;;x\u0007bad\u0000 \uFFFE\ud800 thing",
            Duration.ZERO);

    Document doc =
        validatedDocument(
            JUnitReport.write(Reports.report(error, Reports.creating("x\u0008y", 1)), false));

    assertThat(((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name"))
        .isEqualTo("odd\uFFFDname");
    assertThat(((Element) doc.getElementsByTagName("error").item(0)).getAttribute("message"))
        .contains("bad", "thing");
  }
}
