package io.platform.verify.report;

import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report for CI test views: one test case per unit. A unit that would change or drifted is a
 * failure, a unit that could not be planned is an error.
 */
public final class JUnitReport {
  private JUnitReport() {}

  public static String write(VerifyReport report, boolean allowOutputOnly) {
    long failures = report.results().stream().filter(r -> failed(r, allowOutputOnly)).count();
    long errors = report.count(Verdict.ERROR);
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "platform verify");
      counts(xml, report.results().size(), failures, errors, report.elapsed().toMillis());
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", xmlText(report.root().toString()));
      counts(xml, report.results().size(), failures, errors, report.elapsed().toMillis());
      xml.writeAttribute("skipped", "0");
      if (report.scope().worthSaying()) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", "selected");
        xml.writeAttribute("value", xmlText(report.scope().headline(report.results().size())));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
      }
      for (UnitResult result : report.results()) {
        xml.writeCharacters("\n    ");
        testCase(xml, report, result, allowOutputOnly);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text.toString();
  }

  private static void testCase(
      XMLStreamWriter xml, VerifyReport report, UnitResult result, boolean allowOutputOnly)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", xmlText("verify." + report.root().getFileName()));
    xml.writeAttribute("name", xmlText(result.unit().name()));
    xml.writeAttribute("time", seconds(result.elapsed().toMillis()));
    String reason = report.scope().reasons().get(result.unit().name());
    if (reason != null) {
      xml.writeStartElement("properties");
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "selected_because");
      xml.writeAttribute("value", xmlText(reason));
      xml.writeEndElement();
    }
    String headline = xmlText(ChangeLines.headline(result));
    if (result.verdict() == Verdict.ERROR) {
      xml.writeStartElement("error");
      xml.writeAttribute("type", "error");
      xml.writeAttribute("message", headline);
      xml.writeCharacters(headline);
      xml.writeEndElement();
    } else if (failed(result, allowOutputOnly)) {
      xml.writeStartElement("failure");
      xml.writeAttribute("type", result.verdict().label());
      xml.writeAttribute("message", headline);
      xml.writeCharacters(xmlText(String.join("\n", ChangeLines.details(result.summary()))));
      xml.writeEndElement();
    } else {
      xml.writeStartElement("system-out");
      xml.writeCharacters(result.verdict().label() + ": " + headline);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /**
   * XML 1.0 cannot hold most control characters (an ESC left in a tool's error line, a control
   * character in a for_each key) nor a lone surrogate: each becomes U+FFFD.
   */
  private static String xmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(allowedInXml(c) ? c : '\uFFFD'));
    return out.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000;
  }

  private static boolean failed(UnitResult result, boolean allowOutputOnly) {
    return result.verdict() == Verdict.CHANGES
        || result.verdict() == Verdict.DRIFT_ONLY
        || (result.verdict() == Verdict.OUTPUT_ONLY && !allowOutputOnly);
  }

  private static void counts(
      XMLStreamWriter xml, int tests, long failures, long errors, long millis)
      throws XMLStreamException {
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", String.valueOf(errors));
    xml.writeAttribute("time", seconds(millis));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
