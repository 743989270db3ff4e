package io.platform.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {
  @Test
  void platformEngineChoosesTheEngineAndTerraformIsTheDefault() {
    assertThat(Engine.fromEnvironment(Map.of("PLATFORM_ENGINE", "tofu")::get))
        .isEqualTo(Engine.TOFU);
    assertThat(Engine.fromEnvironment(Map.of("PLATFORM_ENGINE", " Terraform ")::get))
        .isEqualTo(Engine.TERRAFORM);
    assertThat(Engine.fromEnvironment(Map.of("PLATFORM_ENGINE", "")::get))
        .isEqualTo(Engine.TERRAFORM);
    assertThat(Engine.fromEnvironment(Map.<String, String>of()::get)).isEqualTo(Engine.TERRAFORM);
  }

  @Test
  void aNameThatIsNoEngineSaysWhichNamesAre() {
    assertThatThrownBy(() -> Engine.fromEnvironment(Map.of("PLATFORM_ENGINE", "opentofu")::get))
        .isInstanceOf(Engine.UnknownEngineException.class)
        .hasMessage(
            "unknown engine 'opentofu': PLATFORM_ENGINE and --engine take terraform or tofu");
  }

  @Test
  void aStateIsTooNewOnlyWhenItsVersionIsNewerThanTheEngines() {
    EngineRelease terraform = new EngineRelease(Engine.TERRAFORM, "1.11.4");

    assertThat(terraform.olderThan("1.12.6")).isTrue();
    assertThat(terraform.olderThan("1.11.10")).isTrue();
    assertThat(terraform.olderThan("2.0.0")).isTrue();
    assertThat(terraform.olderThan("1.11.4")).isFalse();
    assertThat(terraform.olderThan("1.9.8")).isFalse();
    assertThat(terraform.olderThan("1.11.4-beta1")).isFalse();
    assertThat(terraform.olderThan("")).isFalse();
    assertThat(new EngineRelease(Engine.TOFU, "1.12.6").toString()).isEqualTo("OpenTofu 1.12.6");
  }

  @Test
  void aVersionThatIsNoVersionIsRefused() {
    assertThatThrownBy(() -> new EngineRelease(Engine.TOFU, "dev"))
        .hasMessage("OpenTofu reported version 'dev', not x.y.z");
  }
}
