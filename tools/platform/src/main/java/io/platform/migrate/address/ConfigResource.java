package io.platform.migrate.address;

/**
 * A resource in configuration terms, without any instance key ({@code module.a.aws_x.y}): what a
 * state instance lists in its {@code dependencies}.
 */
public record ConfigResource(ModulePath module, ResourceMode mode, String type, String name) {

  public ConfigResource inModule(ModulePath other) {
    return new ConfigResource(other, mode, type, name);
  }

  public String render() {
    String local = mode.addressPrefix() + type + "." + name;
    return module.names().isEmpty() ? local : module.render() + "." + local;
  }

  @Override
  public String toString() {
    return render();
  }
}
