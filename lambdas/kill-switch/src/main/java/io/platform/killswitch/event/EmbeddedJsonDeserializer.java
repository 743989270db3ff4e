package io.platform.killswitch.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Reads a string that holds JSON (CloudWatch's {@code reasonData}) as the JSON it holds. Text that
 * is not JSON stays text: the field only informs the notice and must never stop a revocation.
 */
final class EmbeddedJsonDeserializer extends JsonDeserializer<JsonNode> {

  @Override
  public JsonNode deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return parser.readValueAsTree();
    }
    String text = parser.getText();
    ObjectCodec codec = parser.getCodec();
    try (JsonParser embedded = codec.getFactory().createParser(text)) {
      JsonNode node = codec.readTree(embedded);
      return node == null ? TextNode.valueOf(text) : node;
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }
}
