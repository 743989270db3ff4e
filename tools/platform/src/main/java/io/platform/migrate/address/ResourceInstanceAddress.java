package io.platform.migrate.address;

import java.util.Objects;

/**
 * One instance of a resource, as {@code terraform state list} prints it.
 *
 * @param key the instance key, or null for a resource without count or for_each
 */
public record ResourceInstanceAddress(ResourceAddress resource, InstanceKey key) {
  public ResourceInstanceAddress {
    Objects.requireNonNull(resource, "resource");
  }

  public String render() {
    return resource.render() + (key == null ? "" : key.render());
  }

  @Override
  public String toString() {
    return render();
  }
}
