package io.platform.migrate.address;

import java.util.Objects;

/** A resource (all its instances) in a module instance: {@code module.a["x"].aws_vpc.this}. */
public record ResourceAddress(ModuleInstance module, ResourceMode mode, String type, String name) {
  public ResourceAddress {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }

  public ResourceInstanceAddress instance(InstanceKey key) {
    return new ResourceInstanceAddress(this, key);
  }

  public ResourceAddress inModule(ModuleInstance other) {
    return new ResourceAddress(other, mode, type, name);
  }

  /** {@code data.aws_x.y} or {@code aws_x.y}, without the module path. */
  public String local() {
    return mode.addressPrefix() + type + "." + name;
  }

  public String render() {
    return module.isRoot() ? local() : module.render() + "." + local();
  }

  @Override
  public String toString() {
    return render();
  }
}
