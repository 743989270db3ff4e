package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terraform.Terraform;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Cloudflare half with the real Cloudflare provider (from a mirror or the registry; see {@link
 * CloudflareProvider}) and no Cloudflare account: the module and its example validate; the module's
 * own {@code terraform test} files pass; and a plan of {@code examples/complete}, the AWS side on
 * the emulator, is read from Terraform's plan JSON: a remotely managed tunnel, one ingress rule per
 * application and a refusing catch-all, a proxied CNAME and an Access application (admitting
 * exactly its IdP groups) for every public hostname, a route per private CIDR on the tunnel's
 * virtual network, and the token only as a sensitive value. The provider's API base URL points at a
 * loopback server that refuses and records every request: none comes.
 */
@WithEmulator
class CloudflareTunnelModuleIT {
  static final String MODULE = "modules/cloudflare-tunnel";
  static final String ZONE = "example.com";
  static final String IDP = "00000000-0000-4000-8000-000000000000";
  static final String VPC_CIDR = "10.99.0.0/16";

  /** A placeholder, never a real token: no request may use it, and it may appear nowhere. */
  static final String API_TOKEN = "placeholder-api-token-for-offline-plans-0001";

  /**
   * The token the module's own tests give the mocked token data source (tests/token.tftest.hcl).
   */
  static final String MOCK_TUNNEL_TOKEN = "eyJhIjoidGVzdC1vbmx5LXRva2VuLW5ldmVyLXByaW50ZWQifQ";

  /** What the example publishes: each hostname and the IdP groups its Access policy admits. */
  static final Map<String, List<String>> PUBLISHED =
      Map.of(
          "app." + ZONE, List.of("platform-users"),
          "grafana." + ZONE, List.of("platform-engineers"));

  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static Path module;
  private static Path example;

  @BeforeAll
  static void install(@TempDir Path temp) {
    Repo.copy(temp, MODULE);
    module = temp.resolve(MODULE);
    example = module.resolve("examples/complete");
    CloudflareProvider.init(module);
    CloudflareProvider.init(example);
  }

  @Test
  void moduleAndItsExampleValidate() {
    for (Path dir : List.of(module, example)) {
      ExecResult validate = terraform(Map.of()).run(dir, TIMEOUT, "validate", "-no-color");
      assertThat(validate.exitCode())
          .as(dir + ": " + validate.stdout() + validate.stderr())
          .isZero();
      assertThat(validate.stdout()).contains("The configuration is valid");
    }
  }

  @Test
  void theModulesOwnTerraformTestsPassAndNeverPrintTheToken() {
    ExecResult test = terraform(Map.of()).run(module, TIMEOUT, "test", "-verbose", "-no-color");

    assertThat(test.exitCode()).as(test.stdout() + test.stderr()).isZero();
    assertThat(test.stdout()).contains("Success!").contains(" 0 failed");
    assertThat(test.stdout() + test.stderr()).doesNotContain(MOCK_TUNNEL_TOKEN);
  }

  @Test
  void examplePlanPublishesEveryHostnameOnlyBehindAccessWithoutCallingCloudflare(AwsEndpoint aws) {
    String secretArn;
    try (SecretsManagerClient secrets = AwsSdk.client(SecretsManagerClient.builder(), aws)) {
      secretArn = secrets.createSecret(b -> b.name("tunnel-example/tunnel-token")).arn();
    }

    try (RefusingApi api = RefusingApi.start()) {
      Map<String, String> cloudflare =
          Map.of(
              "CLOUDFLARE_API_TOKEN",
              API_TOKEN,
              "CLOUDFLARE_BASE_URL",
              api.url("/client/v4").toString());
      Terratest tunnel =
          Terratest.of(example, aws, cloudflare)
              .var("region", aws.region())
              .var("account_id", "0123456789abcdef0123456789abcdef")
              .var("zone_id", "fedcba9876543210fedcba9876543210")
              .var("zone_name", ZONE)
              .var("identity_provider_id", IDP)
              .var("access_team_name", "example")
              .var(
                  "alb_dns_name",
                  "internal-platform-example-1234567890." + aws.region() + ".elb.amazonaws.com")
              .var("vpc_cidr", VPC_CIDR)
              .var("token_secret_arn", secretArn);

      JsonNode plan = tunnel.planJson();

      assertThat(api.requests()).as("requests to the Cloudflare API").isEmpty();
      assertThat(tunnel.log()).doesNotContain(API_TOKEN);
      assertThat(plan.toString()).doesNotContain(API_TOKEN);

      TunnelPlan planned = new TunnelPlan(plan);
      assertThat(planned.actions())
          .as("a first plan only creates, and reads the token at apply")
          .allSatisfy(
              (address, actions) -> assertThat(actions).isIn(List.of("create"), List.of("read")));

      // A remotely managed tunnel: its configuration lives in Cloudflare, cloudflared runs with a
      // token.
      assertThat(
              planned.one("cloudflare_zero_trust_tunnel_cloudflared").path("config_src").asText())
          .isEqualTo("cloudflare");
      JsonNode config = planned.one("cloudflare_zero_trust_tunnel_cloudflared_config");
      assertThat(config.path("source").asText()).isEqualTo("cloudflare");

      // One ingress rule per published hostname, each requiring Access, then a catch-all that
      // refuses.
      List<JsonNode> ingress = Json.list(config.path("config").path("ingress"));
      assertThat(ingress.subList(0, ingress.size() - 1))
          .extracting(rule -> rule.path("hostname").asText())
          .containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
      assertThat(ingress.subList(0, ingress.size() - 1))
          .allSatisfy(
              rule -> {
                assertThat(rule.path("service").asText())
                    .startsWith("https://internal-platform-example-");
                assertThat(rule.path("origin_request").path("access").path("required").asBoolean())
                    .isTrue();
                assertThat(rule.path("origin_request").path("no_tls_verify").asBoolean()).isFalse();
              });
      JsonNode last = ingress.get(ingress.size() - 1);
      assertThat(last.path("hostname").isNull()).isTrue();
      assertThat(last.path("service").asText()).isEqualTo("http_status:404");

      // Every public hostname: a proxied CNAME whose target is the tunnel's (its ID is assigned
      // at apply; tests/tunnel.tftest.hcl checks the value) ...
      Map<String, JsonNode> records = planned.byKey("cloudflare_dns_record");
      assertThat(records.values())
          .extracting(r -> r.path("name").asText())
          .containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
      assertThat(records.values())
          .allSatisfy(
              record -> {
                assertThat(record.path("type").asText()).isEqualTo("CNAME");
                assertThat(record.path("proxied").asBoolean()).isTrue();
                assertThat(record.path("ttl").asInt()).isEqualTo(1);
              });
      assertThat(planned.byKeyUnknown("cloudflare_dns_record").values())
          .allSatisfy(unknown -> assertThat(unknown.path("content").asBoolean()).isTrue());

      // ... and an Access application of its own, admitting exactly its IdP groups: no hostname
      // is reachable without Access.
      Map<String, JsonNode> applications =
          planned.byKey("cloudflare_zero_trust_access_application");
      Map<String, JsonNode> policies = planned.byKey("cloudflare_zero_trust_access_policy");
      assertThat(applications.keySet()).isEqualTo(records.keySet()).isEqualTo(policies.keySet());
      records.forEach(
          (key, record) -> {
            String hostname = record.path("name").asText();
            JsonNode application = applications.get(key);
            assertThat(application.path("domain").asText()).as(key).isEqualTo(hostname);
            assertThat(application.path("type").asText()).isEqualTo("self_hosted");
            assertThat(Json.list(application.path("destinations")))
                .extracting(d -> d.path("type").asText() + " " + d.path("uri").asText())
                .containsExactly("public " + hostname);
            assertThat(Json.texts(application.path("allowed_idps"))).containsExactly(IDP);
            assertThat(Json.list(application.path("policies"))).hasSize(1);

            JsonNode policy = policies.get(key);
            assertThat(policy.path("decision").asText()).isEqualTo("allow");
            assertThat(Json.list(policy.path("include")))
                .allSatisfy(
                    rule ->
                        assertThat(rule.path("okta").path("identity_provider_id").asText())
                            .isEqualTo(IDP))
                .extracting(rule -> rule.path("okta").path("name").asText())
                .as("the groups admitted to " + hostname)
                .containsExactlyInAnyOrderElementsOf(PUBLISHED.get(hostname));
          });
      // Each application's only policy is its own, of the same key (the policy IDs are assigned
      // at apply; tests/tunnel.tftest.hcl checks the values).
      assertThat(planned.references("cloudflare_zero_trust_access_application", "policies"))
          .containsExactlyInAnyOrder("cloudflare_zero_trust_access_policy.this", "each.key");

      // A route per private CIDR, on the virtual network the module creates for the tunnel.
      assertThat(planned.byKey("cloudflare_zero_trust_tunnel_cloudflared_virtual_network"))
          .hasSize(1);
      Map<String, JsonNode> routes =
          planned.byKey("cloudflare_zero_trust_tunnel_cloudflared_route");
      assertThat(routes).containsOnlyKeys(VPC_CIDR);
      assertThat(routes.get(VPC_CIDR).path("network").asText()).isEqualTo(VPC_CIDR);
      assertThat(
              planned
                  .byKeyUnknown("cloudflare_zero_trust_tunnel_cloudflared_route")
                  .get(VPC_CIDR)
                  .path("virtual_network_id")
                  .asBoolean())
          .isTrue();

      // The token reaches the secret as a sensitive value only, read from the tunnel at apply.
      JsonNode secretVersion = planned.change("aws_secretsmanager_secret_version");
      assertThat(secretVersion.path("after").path("secret_id").asText()).isEqualTo(secretArn);
      assertThat(secretVersion.path("after").has("secret_string")).isFalse();
      assertThat(secretVersion.path("after_sensitive").path("secret_string").asBoolean()).isTrue();
      assertThat(planned.actions())
          .containsEntry(
              "module.cloudflare_tunnel.data.cloudflare_zero_trust_tunnel_cloudflared_token.this",
              List.of("read"));
      assertThat(planned.outputReferences())
          .as("what the module's outputs read")
          .noneMatch(
              reference ->
                  reference.startsWith("data.cloudflare_zero_trust_tunnel_cloudflared_token"));

      // The provider's own warning, repeated in the module README: the tunnel configuration
      // stays in Cloudflare when the resource is destroyed.
      assertThat(tunnel.diagnostics())
          .anySatisfy(
              d -> {
                assertThat(d.path("severity").asText()).isEqualTo("warning");
                assertThat(d.path("address").asText())
                    .isEqualTo(
                        "module.cloudflare_tunnel.cloudflare_zero_trust_tunnel_cloudflared_config.this");
                assertThat(d.path("detail").asText())
                    .contains("cannot be destroyed from Terraform");
              });
    }
  }

  private static Terraform terraform(Map<String, String> environment) {
    return new Terraform(new ProcessRunner(), Toolchain.locate(), environment);
  }

  /** The resource changes of the example's plan, by type, in the module it calls. */
  private record TunnelPlan(JsonNode plan) {
    static final String PREFIX = "module.cloudflare_tunnel.";

    Map<String, List<String>> actions() {
      Map<String, List<String>> actions = new TreeMap<>();
      plan.path("resource_changes")
          .forEach(
              c ->
                  actions.put(
                      c.path("address").asText(), Json.texts(c.path("change").path("actions"))));
      return actions;
    }

    JsonNode change(String type) {
      List<JsonNode> changes = changes(type);
      assertThat(changes).as(type).hasSize(1);
      return changes.get(0).path("change");
    }

    JsonNode one(String type) {
      return change(type).path("after");
    }

    /** The planned values of every instance of {@code type}, by instance key. */
    Map<String, JsonNode> byKey(String type) {
      return byKey(type, "after");
    }

    /**
     * Which attributes of every instance of {@code type} are known only after apply, by instance
     * key.
     */
    Map<String, JsonNode> byKeyUnknown(String type) {
      return byKey(type, "after_unknown");
    }

    /**
     * The references of an attribute's expression in the configuration of resource {@code
     * type}.this.
     */
    List<String> references(String type, String attribute) {
      for (JsonNode resource : module().path("resources")) {
        if (resource.path("address").asText().equals(type + ".this")) {
          return Json.texts(resource.path("expressions").path(attribute).findValue("references"));
        }
      }
      throw new AssertionError("the module configuration has no " + type + ".this");
    }

    /** Everything the module's outputs refer to. */
    List<String> outputReferences() {
      List<String> references = new ArrayList<>();
      module()
          .path("outputs")
          .forEach(
              output ->
                  output
                      .path("expression")
                      .findValues("references")
                      .forEach(r -> references.addAll(Json.texts(r))));
      assertThat(references).as("the module's outputs refer to something").isNotEmpty();
      return references;
    }

    private JsonNode module() {
      return plan.path("configuration")
          .path("root_module")
          .path("module_calls")
          .path("cloudflare_tunnel")
          .path("module");
    }

    private Map<String, JsonNode> byKey(String type, String field) {
      Map<String, JsonNode> instances = new LinkedHashMap<>();
      for (JsonNode change : changes(type)) {
        JsonNode key = change.path("index");
        instances.put(key.isMissingNode() ? "" : key.asText(), change.path("change").path(field));
      }
      return instances;
    }

    private List<JsonNode> changes(String type) {
      return Json.list(plan.path("resource_changes")).stream()
          .filter(
              c ->
                  c.path("address").asText().startsWith(PREFIX)
                      && c.path("type").asText().equals(type)
                      && c.path("mode").asText().equals("managed"))
          .toList();
    }
  }
}
