package io.platform.migrate.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.AddressParser;
import io.platform.migrate.address.AddressSyntaxException;
import io.platform.migrate.address.ModuleInstance;
import io.platform.migrate.address.ProviderConfig;
import io.platform.migrate.address.ResourceAddress;
import io.platform.migrate.address.ResourceMode;
import io.platform.toolchain.Engine;
import io.platform.toolchain.EngineRelease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Terraform state, format version 4, as a JSON tree. Only what slicing needs is parsed (lineage,
 * serial, each resource's address and provider); everything else is carried as is.
 */
public final class TerraformState {
  public static final int FORMAT_VERSION = 4;

  /** {@code provider.aws}, {@code module.a.provider.aws.east}: how Terraform 0.12 named them. */
  private static final Pattern LEGACY_PROVIDER =
      Pattern.compile(
          "(module\\.[^.\\[]+(\\[[^\\]]*\\])?\\.)*provider\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)?");

  private final ObjectNode root;
  private final List<StateResource> resources;

  private TerraformState(ObjectNode root, List<StateResource> resources) {
    this.root = root;
    this.resources = List.copyOf(resources);
  }

  /** Parses a state; {@code where} names it in errors (a file, an S3 key). */
  public static TerraformState parse(byte[] bytes, String where) {
    JsonNode node = StateJson.parseState(bytes, where);
    if (!node.isObject()) {
      throw new StateFormatException(where + " is JSON but not a state (not an object)");
    }
    ObjectNode root = (ObjectNode) node;
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new StateFormatException(where + " is not a Terraform state (no \"version\")");
    }
    if (version.asInt() != FORMAT_VERSION) {
      throw new StateFormatException(
          where
              + " is state format version "
              + version.asInt()
              + "; only version "
              + FORMAT_VERSION
              + " (Terraform 0.12 and later) is supported: run terraform once with a current version to upgrade it");
    }
    if (!root.path("lineage").isTextual() || !root.path("serial").isIntegralNumber()) {
      throw new StateFormatException(where + " has no lineage or serial");
    }
    JsonNode list = root.path("resources");
    if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
      throw new StateFormatException(where + ": \"resources\" is not a list");
    }
    List<StateResource> resources = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : list) {
      resources.add(resource(entry, where + " resources[" + index + "]"));
      index++;
    }
    return new TerraformState(root, resources);
  }

  private static StateResource resource(JsonNode entry, String where) {
    if (!entry.isObject()) {
      throw new StateFormatException(where + " is not an object");
    }
    try {
      ModuleInstance module = AddressParser.moduleInstance(entry.path("module").asText(""));
      ResourceMode mode = ResourceMode.fromState(text(entry, "mode", where));
      ResourceAddress address =
          new ResourceAddress(module, mode, text(entry, "type", where), text(entry, "name", where));
      ProviderConfig provider = provider(text(entry, "provider", where), where, address);
      if (!entry.path("instances").isArray()) {
        throw new StateFormatException(where + " (" + address + ") has no instances list");
      }
      for (JsonNode instance : entry.path("instances")) {
        if (!instance.isObject()) {
          throw new StateFormatException(
              where + " (" + address + ") has an instance that is not an object");
        }
        try {
          StateResource.keyOf(instance);
        } catch (StateFormatException e) {
          throw new StateFormatException(where + " (" + address + "): " + e.getMessage());
        }
      }
      return new StateResource(address, provider, (ObjectNode) entry);
    } catch (AddressSyntaxException e) {
      throw new StateFormatException(where + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      if (e instanceof StateFormatException) {
        throw e;
      }
      throw new StateFormatException(where + ": " + e.getMessage());
    }
  }

  private static ProviderConfig provider(String text, String where, ResourceAddress address) {
    if (LEGACY_PROVIDER.matcher(text).matches()) {
      throw new StateFormatException(
          where
              + " ("
              + address
              + ") names its provider the Terraform 0.12 way ("
              + text
              + "); upgrade the state first with"
              + " Terraform 0.13 or later: terraform state replace-provider registry.terraform.io/-/NAME"
              + " registry.terraform.io/hashicorp/NAME (or the provider's own source)");
    }
    return AddressParser.providerConfig(text);
  }

  private static String text(JsonNode entry, String field, String where) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new StateFormatException(where + " has no \"" + field + "\"");
    }
    return value.asText();
  }

  /**
   * A state for a unit: the top-level fields of {@code template} (format and Terraform version, and
   * any field added later), no check results, the given resources in Terraform's order.
   *
   * @param keepOutputs keep the template's root outputs (adding to a unit's existing state);
   *     otherwise none: a monolith's outputs belong to the monolith
   */
  public static TerraformState of(
      TerraformState template,
      String lineage,
      long serial,
      List<StateResource> resources,
      boolean keepOutputs) {
    // Field by field, not the whole template: a monolith's resources are copied once per unit
    // otherwise.
    ObjectNode root = template.root.objectNode();
    template
        .root
        .properties()
        .forEach(
            field ->
                root.set(
                    field.getKey(),
                    field.getKey().equals("resources")
                        ? root.arrayNode()
                        : field.getValue().deepCopy()));
    root.put("serial", serial);
    root.put("lineage", lineage);
    if (!keepOutputs) {
      root.putObject("outputs");
    }
    List<StateResource> sorted = new ArrayList<>(resources);
    sorted.sort(ORDER);
    ArrayNode list = root.putArray("resources");
    sorted.forEach(r -> list.add(r.node()));
    // Check results describe the monolith's configuration; the unit's first plan recomputes its
    // own.
    root.putNull("check_results");
    return new TerraformState(root, sorted);
  }

  /** Terraform's order: module path, then data before managed, type, name. */
  static final Comparator<StateResource> ORDER =
      Comparator.comparing((StateResource r) -> r.address().module().render())
          .thenComparing(r -> r.address().mode() == ResourceMode.DATA ? 0 : 1)
          .thenComparing(r -> r.address().type())
          .thenComparing(r -> r.address().name());

  public String lineage() {
    return root.path("lineage").asText();
  }

  public long serial() {
    return root.path("serial").asLong();
  }

  public String terraformVersion() {
    return root.path("terraform_version").asText("");
  }

  /**
   * Refuses a state the engine cannot read: one written by a newer version than the engine's (both
   * engines refuse those, but only after the tools would have written unit states).
   *
   * @param where names the state in the message
   */
  public void requireReadableBy(EngineRelease engine, String where) {
    if (engine != null && engine.olderThan(terraformVersion())) {
      throw new StateFormatException(
          where
              + " was written by version "
              + terraformVersion()
              + ", newer than "
              + engine
              + " in use, which cannot read it: run with the engine that wrote it ("
              + Engine.VARIABLE
              + "), or pin a newer one in toolchain.properties");
    }
  }

  public List<StateResource> resources() {
    return resources;
  }

  /** Whether the state holds any root output (a materialised unit does). */
  public boolean hasOutputs() {
    return root.path("outputs").size() > 0;
  }

  public byte[] toBytes() {
    return StateJson.write(root);
  }
}
