package io.platform.migrate.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.toolchain.Engine;
import io.platform.toolchain.EngineRelease;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformStateTest {
  static final String SECRET = "hunter2-super-secret";

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void corruptJsonIsAClearErrorThatNeverQuotesTheContent() {
    String corrupt =
        "{\"version\": 4, \"lineage\": \"x\", \"serial\": 1, \"resources\": [{\"password\": "
            + SECRET
            + "}]}";

    assertThatThrownBy(() -> TerraformState.parse(bytes(corrupt), "s3://bucket/monolith.tfstate"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("s3://bucket/monolith.tfstate is not valid JSON (line 1, column")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void truncatedEmptyAndForeignDocumentsAreRefused() {
    assertThatThrownBy(() -> TerraformState.parse(bytes("{\"version\": 4, \"resour"), "f"))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> TerraformState.parse(bytes(""), "f")).hasMessageContaining("empty");
    assertThatThrownBy(() -> TerraformState.parse(bytes("[1]"), "f"))
        .hasMessageContaining("not a state");
    assertThatThrownBy(
            () ->
                TerraformState.parse(
                    bytes("{\"version\": 3, \"lineage\": \"x\", \"serial\": 1}"), "f"))
        .hasMessageContaining("version 3");
    assertThatThrownBy(() -> TerraformState.parse(bytes("{\"version\": 4}"), "f"))
        .hasMessageContaining("no lineage");
    assertThatThrownBy(
            () ->
                TerraformState.parse(
                    bytes("{\"version\": 4, \"lineage\": \"x\", \"serial\": 1}{}"), "f"))
        .hasMessageContaining("after the end");
  }

  /** Attributes are carried as text, but read through: a fault inside them is still found. */
  @Test
  void corruptOrDuplicatedAttributesAreRefusedWithoutQuotingThem() {
    assertThatThrownBy(
            () -> TerraformState.parse(bytes(withAttributes("\"password\": " + SECRET)), "f"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("f is not valid JSON (line 1, column")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> TerraformState.parse(bytes(withAttributes("\"a\": 1, \"a\": 2")), "f"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("f is not valid JSON");
  }

  @Test
  void attributesAreWrittenToTheUnitByteForByteAsTheSourceHoldsThem() {
    String attributes =
        "{\n            \"id\": \"é\\u00e9\",\n            \"n\": 1.50,"
            + " \"list\": [ ],\"nested\": {\"k\": null}\n          }";
    String source =
        "{\"version\": 4, \"serial\": 1, \"lineage\": \"l\", \"resources\": [{\"mode\": \"managed\","
            + " \"type\": \"t\", \"name\": \"n\", \"provider\": \"provider[\\\"p\\\"]\","
            + " \"instances\": [{\"schema_version\": 0, \"attributes\": "
            + attributes
            + "}]}]}";
    TerraformState state = TerraformState.parse(bytes(source), "f");

    String unit =
        new String(
            TerraformState.of(state, "new", 1, state.resources(), false).toBytes(),
            StandardCharsets.UTF_8);

    assertThat(unit).contains("\"attributes\": " + attributes + "\n");
  }

  @Test
  void aResourceWithABadAddressNamesItsPositionNotItsValues() {
    String state =
        "{\"version\": 4, \"lineage\": \"x\", \"serial\": 1, \"resources\": [{\"module\": \"module.a[\", \"mode\": \"managed\","
            + " \"type\": \"t\", \"name\": \"n\", \"provider\": \"provider[\\\"p\\\"]\", \"instances\": [{\"attributes\": {\"v\": \""
            + SECRET
            + "\"}}]}]}";

    assertThatThrownBy(() -> TerraformState.parse(bytes(state), "f"))
        .hasMessageContaining("f resources[0]")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aTerraform012ProviderAddressSaysHowToUpgradeTheState() {
    for (String legacy : List.of("provider.aws", "provider.aws.east", "module.a.provider.aws")) {
      String state =
          "{\"version\": 4, \"lineage\": \"x\", \"serial\": 1, \"resources\": [{\"mode\": \"managed\","
              + " \"type\": \"aws_s3_bucket\", \"name\": \"n\", \"provider\": \""
              + legacy
              + "\", \"instances\": []}]}";

      assertThatThrownBy(() -> TerraformState.parse(bytes(state), "f"))
          .isInstanceOf(StateFormatException.class)
          .hasMessageContaining("f resources[0] (aws_s3_bucket.n)")
          .hasMessageContaining("Terraform 0.12 way (" + legacy + ")")
          .hasMessageContaining("terraform state replace-provider");
    }
  }

  @Test
  void aStateWrittenByANewerEngineThanTheOneInUseIsRefusedByName() {
    TerraformState byTofu =
        TerraformState.parse(
            bytes(
                "{\"version\": 4, \"terraform_version\": \"1.12.6\", \"lineage\": \"x\", \"serial\": 1, \"resources\": []}"),
            "f");

    assertThatThrownBy(
            () ->
                byTofu.requireReadableBy(
                    new EngineRelease(Engine.TERRAFORM, "1.11.4"), "the source mono.tfstate"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageStartingWith(
            "the source mono.tfstate was written by version 1.12.6, newer than Terraform 1.11.4 in use");
    byTofu.requireReadableBy(new EngineRelease(Engine.TOFU, "1.12.6"), "the source mono.tfstate");
  }

  @Test
  void unknownFieldsSurviveAndUnitStatesDropOutputsAndCheckResults() {
    String source =
        """
        {"version": 4, "terraform_version": "1.11.4", "serial": 9, "lineage": "old", "future_field": {"a": 1},
         "outputs": {"x": {"value": "y", "type": "string"}},
         "resources": [{"module": "module.b", "mode": "managed", "type": "t", "name": "n", "provider": "provider[\\"p\\"]",
           "instances": [{"schema_version": 0, "attributes": {"id": "1"}, "new_instance_field": true}]},
          {"mode": "data", "type": "t", "name": "d", "provider": "provider[\\"p\\"]", "instances": []}],
         "check_results": [{"object_kind": "resource"}]}
        """;
    TerraformState state = TerraformState.parse(bytes(source), "f");

    TerraformState unit = TerraformState.of(state, "new", 1, state.resources(), false);
    TerraformState read = TerraformState.parse(unit.toBytes(), "unit");

    String text = new String(unit.toBytes(), StandardCharsets.UTF_8);
    assertThat(read.lineage()).isEqualTo("new");
    assertThat(read.serial()).isEqualTo(1);
    assertThat(read.hasOutputs()).isFalse();
    assertThat(text)
        .contains(
            "\"future_field\": {",
            "\"new_instance_field\": true",
            "\"check_results\": null",
            "\"outputs\": {}");
    // Terraform's order: root before modules, data before managed at the same module.
    assertThat(read.resources())
        .extracting(r -> r.address().render())
        .containsExactly("data.t.d", "module.b.t.n");
    assertThat(TerraformState.of(state, "new", 1, List.of(), true).hasOutputs()).isTrue();
  }

  private static String withAttributes(String attributes) {
    return "{\"version\": 4, \"serial\": 1, \"lineage\": \"l\", \"resources\": [{\"mode\": \"managed\", \"type\": \"local_file\","
        + " \"name\": \"f\", \"provider\": \"provider[\\\"p\\\"]\", \"instances\": [{\"attributes\": {"
        + attributes
        + "}}]}]}";
  }

  @Test
  void numbersKeepEveryDigit() {
    // 1/3 as Terraform's 512-bit arithmetic writes it; a double keeps 16 digits of it.
    String third = "0." + "3".repeat(153) + "5";
    TerraformState state =
        TerraformState.parse(
            bytes(withAttributes("\"ratio\": " + third + ", \"scale\": 1.0, \"huge\": 1e400")),
            "f");

    String unit =
        new String(
            TerraformState.of(state, "new", 1, state.resources(), false).toBytes(),
            StandardCharsets.UTF_8);

    // As written: the attributes are carried as their text.
    assertThat(unit).contains("\"ratio\": " + third + ", \"scale\": 1.0, \"huge\": 1e400}");
  }

  @Test
  void anAttributeOfTwentyOneMegabytesIsRead() {
    String content = "x".repeat(21_000_000);

    TerraformState state =
        TerraformState.parse(bytes(withAttributes("\"content\": \"" + content + "\"")), "f");

    JsonNode unit =
        StateJson.parse(
            TerraformState.of(state, "new", 1, state.resources(), false).toBytes(), "u");
    assertThat(
            unit.path("resources")
                .get(0)
                .path("instances")
                .get(0)
                .path("attributes")
                .path("content")
                .asText())
        .hasSize(content.length());
  }
}
