package io.platform.migrate.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

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
    return parse(bytes, where, JSON::readTree);
  }

  /**
   * Parses a state as {@link #parse} does, but carries each resource instance's {@code attributes}
   * as the JSON text it was written as ({@link RawValue}), written back byte for byte: they are the
   * bulk of a state and this tool only moves them, and as trees they took four times the memory of
   * the file. Anything not shaped like a state is parsed as a tree, for the caller to refuse.
   */
  public static JsonNode parseState(byte[] bytes, String where) {
    Reader attributes = parser -> raw(parser, bytes);
    Reader instance = parser -> object(parser, Map.of("attributes", attributes));
    Reader resource = parser -> object(parser, Map.of("instances", array(instance)));
    return parse(bytes, where, parser -> object(parser, Map.of("resources", array(resource))));
  }

  /** Reads the value at the parser's current token, leaving the parser on its last token. */
  private interface Reader {
    JsonNode read(JsonParser parser) throws IOException;
  }

  private static JsonNode parse(byte[] bytes, String where, Reader reader) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      JsonNode node = parser.nextToken() == null ? null : reader.read(parser);
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

  /** An object whose named fields are read by their own readers, the rest as trees. */
  private static JsonNode object(JsonParser parser, Map<String, Reader> fields) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return tree(parser);
    }
    ObjectNode node = JSON.getNodeFactory().objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      node.set(name, fields.getOrDefault(name, StateJson::tree).read(parser));
    }
    return node;
  }

  private static Reader array(Reader element) {
    return parser -> {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        return tree(parser);
      }
      ArrayNode node = JSON.getNodeFactory().arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        node.add(element.read(parser));
      }
      return node;
    };
  }

  /** An object as its text in {@code bytes}; still tokenised whole, so malformed JSON fails. */
  private static JsonNode raw(JsonParser parser, byte[] bytes) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return tree(parser);
    }
    long start = parser.currentTokenLocation().getByteOffset();
    parser.skipChildren();
    long end = parser.currentLocation().getByteOffset();
    if (start < 0 || end <= start || bytes[(int) start] != '{' || bytes[(int) end - 1] != '}') {
      throw new IllegalStateException("cannot locate an object's text in the state");
    }
    String text = new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8);
    return JSON.getNodeFactory().rawValueNode(new RawValue(text));
  }

  private static JsonNode tree(JsonParser parser) throws IOException {
    JsonNode node = JSON.readTree(parser);
    return node == null ? NullNode.getInstance() : node;
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
