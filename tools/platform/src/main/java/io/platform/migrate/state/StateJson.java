package io.platform.migrate.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads and writes state JSON as trees, so fields this tool does not know survive. Parse errors
 * name the line and column only: Jackson's own messages quote the offending text, which in a state
 * may be a secret. Values are carried exactly: numbers as written (Terraform's are
 * arbitrary-precision, a double would round them), strings and numbers of any length (a state may
 * hold a whole file's content in one attribute).
 */
public final class StateJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(Integer.MAX_VALUE)
                          .maxNumberLength(Integer.MAX_VALUE)
                          .build())
                  .build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /** Two-space indentation and {@code "key": value}, as Terraform writes its states. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private StateJson() {}

  public static JsonNode parse(byte[] bytes, String where) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      JsonNode node = JSON.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new StateFormatException(where + " is empty, not a state");
      }
      if (parser.nextToken() != null) {
        throw new StateFormatException(
            where
                + " is not valid JSON: content after the end of the document (line "
                + parser.currentLocation().getLineNr()
                + ")");
      }
      return node;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String location =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new StateFormatException(where + " is not valid JSON" + location);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + where, e);
    }
  }

  /** The node as Terraform-style indented JSON, with a final newline. */
  public static byte[] write(JsonNode node) {
    try {
      byte[] body = JSON.writer(PRETTY).writeValueAsBytes(node);
      byte[] out = Arrays.copyOf(body, body.length + 1);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a state", e);
    }
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
