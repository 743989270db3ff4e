package io.platform.migrate.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws_vpc.this",
        "data.aws_ami.ubuntu",
        "aws_subnet.private[0]",
        "aws_subnet.private[\"0\"]",
        "terraform_data.e[\"a\\\"b\"]",
        "terraform_data.e[\"back\\\\slash\"]",
        "terraform_data.e[\"sp ace\"]",
        "terraform_data.e[\"do.t\"]",
        "terraform_data.e[\"$${x}\"]",
        "terraform_data.e[\"%%{if}\"]",
        "terraform_data.e[\"line\\nbreak\\ttab\"]",
        "terraform_data.e[\"\\u0007bell\"]",
        "terraform_data.e[\"ünïcödé ✓\"]",
        "terraform_data.e[\"\"]",
        "module.client_stage.module.database.module.rds.aws_db_instance.this[0]",
        "module.client_stage[\"eu.west\"].module.network[3].module.vpc.aws_vpc.this",
        "module.with-hyphen.aws_iam_role.with-hyphen",
        "module.a.data.terraform_remote_state.peer",
      })
  void resourceInstanceAddressesRoundTripExactly(String address) {
    assertThat(AddressParser.resourceInstance(address).render()).isEqualTo(address);
  }

  @Test
  void countAndForEachKeysDiffer() {
    ResourceInstanceAddress count = AddressParser.resourceInstance("aws_subnet.private[0]");
    ResourceInstanceAddress each = AddressParser.resourceInstance("aws_subnet.private[\"0\"]");

    assertThat(count.key()).isEqualTo(InstanceKey.of(0));
    assertThat(each.key()).isEqualTo(InstanceKey.of("0"));
    assertThat(count).isNotEqualTo(each);
  }

  @Test
  void escapesAreDecodedIntoTheKey() {
    assertThat(AddressParser.resourceInstance("x.y[\"a\\\"b\\\\c\"]").key())
        .isEqualTo(InstanceKey.of("a\"b\\c"));
    assertThat(AddressParser.resourceInstance("x.y[\"$${x}\"]").key())
        .isEqualTo(InstanceKey.of("${x}"));
    assertThat(AddressParser.resourceInstance("x.y[\"\\u00e9\"]").key())
        .isEqualTo(InstanceKey.of("é"));
    assertThat(AddressParser.resourceInstance("x.y[\"a.b c\"]").key())
        .isEqualTo(InstanceKey.of("a.b c"));
  }

  @Test
  void keysArePrintedTheWayTerraformPrintsThem() {
    assertThat(InstanceKey.of("a\"b").render()).isEqualTo("[\"a\\\"b\"]");
    assertThat(InstanceKey.of("back\\slash").render()).isEqualTo("[\"back\\\\slash\"]");
    assertThat(InstanceKey.of("${x}").render()).isEqualTo("[\"$${x}\"]");
    assertThat(InstanceKey.of("$x").render()).isEqualTo("[\"$x\"]");
    assertThat(InstanceKey.of("\u0007").render()).isEqualTo("[\"\\u0007\"]");
    assertThat(InstanceKey.of("new\nline").render()).isEqualTo("[\"new\\nline\"]");
  }

  @Test
  void moduleInstanceKeysAreKeptPerStep() {
    ModuleInstance module =
        AddressParser.moduleInstance("module.client_stage[\"eu\"].module.database.module.rds[0]");

    assertThat(module.steps())
        .containsExactly(
            new ModuleStep("client_stage", InstanceKey.of("eu")),
            new ModuleStep("database", null),
            new ModuleStep("rds", InstanceKey.of(0)));
    assertThat(module.configPath().render())
        .isEqualTo("module.client_stage.module.database.module.rds");
    assertThat(AddressParser.moduleInstance("")).isEqualTo(ModuleInstance.ROOT);
  }

  @Test
  void aKeyHoldingWhatLooksLikeAnAddressStaysOneKey() {
    ResourceInstanceAddress address =
        AddressParser.resourceInstance("module.a[\"module.b.aws_x.y\"].aws_x.y[\"].[\"]");

    assertThat(address.resource().module().steps())
        .containsExactly(new ModuleStep("a", InstanceKey.of("module.b.aws_x.y")));
    assertThat(address.key()).isEqualTo(InstanceKey.of("].["));
  }

  @Test
  void providersDependenciesAndPatterns() {
    ProviderConfig provider =
        AddressParser.providerConfig(
            "module.a.module.b.provider[\"registry.terraform.io/hashicorp/aws\"].east");
    assertThat(provider.module().names()).containsExactly("a", "b");
    assertThat(provider.source()).isEqualTo("registry.terraform.io/hashicorp/aws");
    assertThat(provider.alias()).isEqualTo("east");
    assertThat(provider.render())
        .isEqualTo("module.a.module.b.provider[\"registry.terraform.io/hashicorp/aws\"].east");

    ConfigResource dep =
        AddressParser.configResource("module.a.module.b.data.aws_iam_policy_document.this");
    assertThat(dep.module().names()).containsExactly("a", "b");
    assertThat(dep.mode()).isEqualTo(ResourceMode.DATA);

    ModulePattern pattern = AddressParser.pattern("module.client_stage[\"eu\"].module.*");
    assertThat(
            pattern.matchesHead(
                AddressParser.moduleInstance("module.client_stage[\"eu\"].module.data.module.rds")))
        .isTrue();
    assertThat(
            pattern.matchesHead(
                AddressParser.moduleInstance("module.client_stage[\"us\"].module.data.module.rds")))
        .isFalse();
    assertThat(
            AddressParser.pattern("module.client_stage")
                .matchesHead(AddressParser.moduleInstance("module.client_stage[\"us\"]")))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws_vpc",
        "aws_vpc.",
        "aws_vpc.this[",
        "aws_vpc.this[01x]",
        "aws_vpc.this[\"unterminated]",
        "aws_vpc.this[\"${template}\"]",
        "aws_vpc.this[\"bad \\q escape\"]",
        "aws_vpc.this[-1]",
        "aws_vpc.this[0] trailing",
        "module.a.module",
        "module..aws_vpc.this",
        "module.a.provider.aws",
        "1vpc.this",
        "aws_vpc.this[0][1]",
      })
  void malformedAddressesAreRefusedWithAPosition(String address) {
    assertThatThrownBy(() -> AddressParser.resourceInstance(address))
        .isInstanceOf(AddressSyntaxException.class)
        .hasMessageContaining("at column");
  }

  @Test
  void dependenciesCarryNoInstanceKeys() {
    assertThatThrownBy(() -> AddressParser.configResource("module.a[0].aws_x.y"))
        .isInstanceOf(AddressSyntaxException.class)
        .hasMessageContaining("without instance keys");
  }
}
