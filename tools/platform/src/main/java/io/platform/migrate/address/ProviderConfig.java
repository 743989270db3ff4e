package io.platform.migrate.address;

/**
 * A provider configuration as a state resource's {@code provider} field names it: {@code
 * module.a.provider["registry.terraform.io/hashicorp/aws"].east}.
 *
 * @param module the module holding the provider block (root for most)
 * @param source the provider's source address, e.g. {@code registry.terraform.io/hashicorp/aws}
 * @param alias the configuration alias, or null for the default configuration
 */
public record ProviderConfig(ModulePath module, String source, String alias) {
  private static final String OPENTOFU_HASHICORP = "registry.opentofu.org/hashicorp/";
  private static final String TERRAFORM_HASHICORP = "registry.terraform.io/hashicorp/";

  /**
   * The same configuration under the address both engines read. OpenTofu calls the HashiCorp
   * providers {@code registry.opentofu.org/hashicorp/NAME} and writes that into states; Terraform
   * cannot read it. {@code registry.terraform.io/hashicorp/NAME} is read by Terraform, by OpenTofu
   * where the configuration spells that address (as the live tree does), and by OpenTofu where it
   * says {@code hashicorp/NAME} (it translates the address when it reads). Providers of other
   * namespaces have no such equivalence and keep their address.
   */
  public ProviderConfig portable() {
    return source.startsWith(OPENTOFU_HASHICORP)
        ? new ProviderConfig(
            module, TERRAFORM_HASHICORP + source.substring(OPENTOFU_HASHICORP.length()), alias)
        : this;
  }

  public ProviderConfig inModule(ModulePath other) {
    return new ProviderConfig(other, source, alias);
  }

  public String render() {
    String config =
        "provider[" + HclString.quote(source) + "]" + (alias == null ? "" : "." + alias);
    return module.names().isEmpty() ? config : module.render() + "." + config;
  }

  @Override
  public String toString() {
    return render();
  }
}
