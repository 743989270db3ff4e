package io.platform.migrate.address;

/**
 * A provider configuration as a state resource's {@code provider} field names it:
 * {@code module.a.provider["registry.terraform.io/hashicorp/aws"].east}.
 *
 * @param module the module holding the provider block (root for most)
 * @param source the provider's source address, e.g. {@code registry.terraform.io/hashicorp/aws}
 * @param alias the configuration alias, or null for the default configuration
 */
public record ProviderConfig(ModulePath module, String source, String alias) {

  public ProviderConfig inModule(ModulePath other) {
    return new ProviderConfig(other, source, alias);
  }

  public String render() {
    String config = "provider[" + HclString.quote(source) + "]" + (alias == null ? "" : "." + alias);
    return module.names().isEmpty() ? config : module.render() + "." + config;
  }

  @Override
  public String toString() {
    return render();
  }
}
