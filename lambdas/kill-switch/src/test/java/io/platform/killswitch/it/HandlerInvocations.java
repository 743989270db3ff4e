package io.platform.killswitch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.Fixtures;
import io.platform.killswitch.KillSwitchHandler;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Runs of the handler in-process against moto's IAM, Secrets Manager, SNS, SQS and Athena, fed the
 * event fixtures; every assertion reads the result back from the emulator.
 */
abstract class HandlerInvocations extends EmulatedAccount {
  protected static final ObjectMapper JSON = new ObjectMapper();

  /** One run of the handler: its result, or what it threw, and its log lines. */
  record Invocation(JsonNode result, Throwable thrown, List<String> log) {
    String outcome() {
      return result.path("outcome").asText();
    }

    List<JsonNode> steps(String action) {
      return result.path("steps").findParents("action").stream()
          .filter(s -> s.path("action").asText().equals(action))
          .toList();
    }
  }

  protected Invocation invoke(String fixture, Map<String, String> overrides) {
    return invoke(Fixtures.event(fixture), overrides);
  }

  /** One run on an event made by the test, e.g. a fixture with its times moved to now. */
  protected Invocation invoke(JsonNode event, Map<String, String> overrides) {
    try {
      return invoke(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Invocation invoke(InputStream event, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(account.environment());
    env.putAll(overrides);
    List<String> lines = new ArrayList<>();
    LocalContext context = new LocalContext(lines::add);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(env);
    try (AwsClients clients =
        AwsClients.fromEnvironment(env, config.athenaWorkgroup().isPresent())) {
      KillSwitchHandler handler = new KillSwitchHandler(config, clients, JSON);
      Throwable thrown = catchThrowable(() -> handler.handleRequest(event, output, context));
      JsonNode result = thrown == null ? JSON.readTree(output.toByteArray()) : null;
      Invocation invocation = new Invocation(result, thrown, lines);
      assertNoSecretLeaked(invocation);
      return invocation;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected Invocation invoke(String fixture) {
    return invoke(fixture, Map.of());
  }

  /** Every log line is one JSON object, and no secret access key appears anywhere. */
  private void assertNoSecretLeaked(Invocation invocation) {
    for (String line : invocation.log()) {
      assertThat(line).endsWith("\n");
      try {
        assertThat(JSON.readTree(line).isObject()).as("log line %s", line).isTrue();
      } catch (IOException e) {
        throw new AssertionError("log line is not JSON: " + line, e);
      }
    }
    String everything =
        String.join("", invocation.log())
            + (invocation.result() == null ? "" : invocation.result().toString())
            + (invocation.thrown() == null ? "" : invocation.thrown().getMessage());
    for (String secret : account.secretAccessKeys()) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  protected void assertUntouched() {
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.ACTIVE);
    assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.ACTIVE);
    assertThat(account.userPolicies()).isEmpty();
  }
}
