package io.platform.migrate.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.InstanceKey;
import io.platform.migrate.address.ProviderConfig;
import io.platform.migrate.address.ResourceAddress;
import io.platform.migrate.address.ResourceInstanceAddress;
import io.platform.migrate.address.ResourceMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a state's {@code resources}: its parsed address and provider, and the JSON node
 * itself, which is kept whole (instances with attributes, sensitive paths, private data, status,
 * deposed objects, schema versions, identity, and any field added later).
 */
public record StateResource(ResourceAddress address, ProviderConfig provider, ObjectNode node) {

  public boolean isManaged() {
    return address.mode() == ResourceMode.MANAGED;
  }

  public List<ObjectNode> instances() {
    List<ObjectNode> instances = new ArrayList<>();
    for (JsonNode instance : node.path("instances")) {
      instances.add((ObjectNode) instance);
    }
    return instances;
  }

  /** The key an instance node holds, or null for a resource without count or for_each. */
  public static InstanceKey keyOf(JsonNode instance) {
    JsonNode key = instance.get("index_key");
    if (key == null || key.isNull()) {
      return null;
    }
    if (key.isIntegralNumber()) {
      return InstanceKey.of(key.asLong());
    }
    if (key.isTextual()) {
      return InstanceKey.of(key.asText());
    }
    throw new StateFormatException("an instance's index_key is neither a number nor a string");
  }

  /** One line per instance: its address, and {@code (deposed X)} or {@code (tainted)} when so. */
  public List<String> describeInstances(ResourceAddress as) {
    List<String> lines = new ArrayList<>();
    for (ObjectNode instance : instances()) {
      lines.add(describe(as.instance(keyOf(instance)), instance));
    }
    return lines;
  }

  static String describe(ResourceInstanceAddress address, JsonNode instance) {
    StringBuilder line = new StringBuilder(address.render());
    if (instance.hasNonNull("deposed")) {
      line.append(" (deposed ").append(instance.get("deposed").asText()).append(')');
    } else if ("tainted".equals(instance.path("status").asText())) {
      line.append(" (tainted)");
    }
    return line.toString();
  }
}
