package io.platform.migrate.config;

import io.platform.migrate.address.AddressParser;
import io.platform.migrate.address.InstanceKey;
import io.platform.migrate.address.ModuleStep;
import io.platform.migrate.address.ResourceAddress;
import java.util.List;

/**
 * A module or resource deliberately left in the monolith. A module step without a key matches every
 * instance of that call; a resource matches all its instances.
 *
 * @param steps the module path as written
 * @param resource the resource named, or null when the whole module is meant
 */
public record Exclusion(String text, List<ModuleStep> steps, ResourceAddress resource) {

  public static Exclusion parse(String text, String where) {
    try {
      AddressParser.Target target = AddressParser.target(text);
      return new Exclusion(text, target.module().steps(), target.resource());
    } catch (IllegalArgumentException e) {
      throw new MappingException(where + ": " + e.getMessage());
    }
  }

  public boolean matches(ResourceAddress address) {
    List<ModuleStep> actual = address.module().steps();
    if (actual.size() < steps.size() || (resource != null && actual.size() != steps.size())) {
      return false;
    }
    for (int i = 0; i < steps.size(); i++) {
      ModuleStep want = steps.get(i);
      ModuleStep have = actual.get(i);
      InstanceKey key = want.key();
      if (!want.name().equals(have.name()) || (key != null && !key.equals(have.key()))) {
        return false;
      }
    }
    return resource == null
        || (resource.mode() == address.mode()
            && resource.type().equals(address.type())
            && resource.name().equals(address.name()));
  }
}
