package io.platform.migrate.address;

import java.util.Objects;

/**
 * One {@code module.NAME[KEY]} step of a module instance path.
 *
 * @param key the instance key, or null for a module call without count or for_each
 */
public record ModuleStep(String name, InstanceKey key) {
  public ModuleStep {
    Objects.requireNonNull(name, "name");
  }

  public String render() {
    return "module." + name + (key == null ? "" : key.render());
  }
}
