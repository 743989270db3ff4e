package io.platform.migrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.migrate.address.AddressParser;
import io.platform.migrate.state.StateJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MappingFileTest {

  private static Mapping parse(String json) {
    return MappingFile.parse(json.getBytes(StandardCharsets.UTF_8), "mapping.json");
  }

  @Test
  void readsEverySectionAndWritesItBack() {
    Mapping mapping =
        parse(
            """
        {
          "prefix": "module.client_stage.module.*",
          "renames": {"tunnel": "cloudflared-ec2", "module.client_stage.module.data.module.db": "rds"},
          "merges": {"observability": ["alarms", "dashboards"]},
          "exclude": ["module.client_stage.module.legacy", "aws_s3_bucket.logs"],
          "into": {"rds": "module.rds"},
          "providers": {"provider[\\"registry.terraform.io/hashicorp/aws\\"].use1": "provider[\\"registry.terraform.io/hashicorp/aws\\"].us_east_1"}
        }
        """);

    assertThat(mapping.prefix().render()).isEqualTo("module.client_stage.module.*");
    assertThat(mapping.renames())
        .containsEntry("tunnel", "cloudflared-ec2")
        .containsEntry("module.client_stage.module.data.module.db", "rds");
    assertThat(mapping.merges().get("observability")).containsExactly("alarms", "dashboards");
    assertThat(mapping.into().get("rds").render()).isEqualTo("module.rds");
    assertThat(MappingFile.parse(StateJson.write(MappingFile.toJson(mapping)), "again"))
        .isEqualTo(mapping);
  }

  @Test
  void conventionReadsUnderscoresAsHyphens() {
    assertThat(Mapping.conventionalUnit("cloudflared_ec2")).isEqualTo("cloudflared-ec2");
    assertThat(Mapping.conventionalUnit("vpc")).isEqualTo("vpc");
  }

  @Test
  void mistakesAreNamedWithTheirField() {
    assertThatThrownBy(() -> parse("{\"prefix\": \"module.a.module.*\", \"rename\": {}}"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("unknown field \"rename\"");
    assertThatThrownBy(() -> parse("{\"prefix\": \"module.a[\"}"))
        .hasMessageContaining("prefix")
        .hasMessageContaining("column");
    assertThatThrownBy(() -> parse("{\"renames\": {\"vpc\": \"../etc\"}}"))
        .hasMessageContaining("not a unit name");
    assertThatThrownBy(() -> parse("{\"merges\": {\"obs\": []}}"))
        .hasMessageContaining("non-empty list");
    assertThatThrownBy(() -> parse("{\"exclude\": [\"module.a.aws_x\"]}"))
        .hasMessageContaining("exclude");
    assertThatThrownBy(() -> parse("{\"renames\": {\"a\": \"x\"}, \"merges\": {\"y\": [\"a\"]}}"))
        .hasMessageContaining("both renames and merges.y");
    assertThatThrownBy(() -> parse("{\"into\": {\"rds\": \"aws_db.x\"}}"))
        .hasMessageContaining("into.rds");
    assertThatThrownBy(() -> parse("{\"providers\": {\"aws\": \"x\"}}"))
        .hasMessageContaining("providers");
    assertThatThrownBy(() -> parse("not json"))
        .hasMessageContaining("mapping.json is not valid JSON");
  }

  @Test
  void exclusionsMatchModulesResourcesAndKeylessCalls() {
    Exclusion module = Exclusion.parse("module.legacy", "x");
    Exclusion resource = Exclusion.parse("module.a[\"k\"].aws_s3_bucket.logs", "x");

    assertThat(module.matches(AddressParser.resource("module.legacy[0].module.b.aws_x.y")))
        .isTrue();
    assertThat(module.matches(AddressParser.resource("module.legacy2.aws_x.y"))).isFalse();
    assertThat(resource.matches(AddressParser.resource("module.a[\"k\"].aws_s3_bucket.logs")))
        .isTrue();
    assertThat(resource.matches(AddressParser.resource("module.a[\"j\"].aws_s3_bucket.logs")))
        .isFalse();
    assertThat(
            resource.matches(AddressParser.resource("module.a[\"k\"].module.c.aws_s3_bucket.logs")))
        .isFalse();
  }

  @Test
  void anEmptyPrefixIsTheRootModuleAndSurvivesThePlanFile() {
    Mapping mapping = parse("{\"prefix\": \"\"}");

    assertThat(mapping.prefix().depth()).isZero();
    assertThat(mapping.prefix()).hasToString("the root module");
    assertThat(MappingFile.parse(StateJson.write(MappingFile.toJson(mapping)), "again"))
        .isEqualTo(mapping);
    assertThatThrownBy(() -> parse("{\"prefix\": 3}"))
        .hasMessageContaining("prefix must be a string");
  }
}
