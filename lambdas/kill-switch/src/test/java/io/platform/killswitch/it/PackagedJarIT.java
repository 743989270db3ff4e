package io.platform.killswitch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.Fixtures;
import io.platform.testkit.ResetEmulator;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The deployable artifact itself, {@code target/kill-switch.jar}, in a fresh JVM with nothing else
 * on its class path, configured only through environment variables the way Lambda configures it:
 * shading and shrinking must leave every path the function takes working.
 */
@ResetEmulator
class PackagedJarIT extends EmulatedAccount {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_BYTES = 8L * 1024 * 1024;

  private final Path jar = Path.of(System.getProperty("kill-switch.jar", "target/kill-switch.jar"));
  @TempDir Path temp;

  record Run(int exitCode, String stdout, String stderr) {
    JsonNode result() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError(
            "stdout is not the handler's JSON result: " + stdout + "\nstderr: " + stderr, e);
      }
    }
  }

  private Run runJar(String fixture, Map<String, String> overrides) throws Exception {
    Path event = temp.resolve(fixture);
    Files.copy(Fixtures.event(fixture), event, StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            event.toString());
    builder.environment().clear();
    builder.environment().putAll(account.environment());
    builder.environment().putAll(overrides);
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Path out = temp.resolve("stdout");
    Path err = temp.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the packaged handler finishes").isTrue();
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    for (String secret : account.secretAccessKeys()) {
      assertThat(run.stdout() + run.stderr()).doesNotContain(secret);
    }
    return run;
  }

  @Test
  void theJarRevokesEverythingStopsQueriesAndNotifiesAndIsANoOpTheSecondTime() throws Exception {
    QueryStates states = QueryStates.oneStepPerRead(aws);
    try {
      String running = account.startQuery("SELECT * FROM big_table");
      // Lambda hands its role's session credentials in the environment, token included.
      Map<String, String> env =
          Map.of(
              "STOP_QUERIES",
              "true",
              "REVOKE_SCOPE",
              "all-keys",
              "AWS_SESSION_TOKEN",
              "FwoGZXIvYXdzEXAMPLESESSIONTOKEN");

      Run first = runJar("alarm.json", env);

      assertThat(first.exitCode()).as("stderr: %s", first.stderr()).isZero();
      assertThat(first.result().path("outcome").asText()).isEqualTo("REVOKED");
      assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
      assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.INACTIVE);
      assertThat(account.denyPolicy()).isPresent();
      assertThat(account.queryState(running)).isEqualTo("CANCELLED");
      assertThat(account.notices())
          .singleElement()
          .satisfies(n -> assertThat(n.subject()).contains("REVOKED"));
      assertThat(first.stderr().lines())
          .allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());

      Run second = runJar("alarm.json", env);

      assertThat(second.result().path("outcome").asText()).isEqualTo("NO_OP");
    } finally {
      states.close();
    }
  }

  @Test
  void theJarFailsWithExitCode1AndAFailedNoticeWhenTheSecretIsMissingOrNamesNoUser()
      throws Exception {
    Run missing = runJar("alarm.json", Map.of("SECRET_ID", "platform/not-there"));
    account.putSecret(account.secretValue("svc-gone", account.configuredKeyId()));
    Run noUser = runJar("alarm.json", Map.of());

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("secret platform/not-there does not exist");
    assertThat(noUser.exitCode()).isEqualTo(1);
    assertThat(noUser.stderr()).contains("names IAM user svc-gone, which does not exist");
    assertThat(account.notices())
        .hasSize(2)
        .allSatisfy(n -> assertThat(n.subject()).startsWith("[kill-switch] FAILED"));
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.ACTIVE);
  }

  @Test
  void aMissingSettingStopsTheFunctionAtInitWithTheVariableNamed() throws Exception {
    Run run = runJar("alarm.json", Map.of("SNS_TOPIC_ARN", ""));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("SNS_TOPIC_ARN is not set");
  }

  @Test
  void aSwitchThatIsNeitherTrueNorFalseStopsTheFunctionAtInitAndTouchesNothing() throws Exception {
    Run run = runJar("alarm.json", Map.of("DRY_RUN", "maybe"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("DRY_RUN=maybe is not true or false");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.ACTIVE);
    assertThat(account.notices()).isEmpty();
  }

  @Test
  void theJarRunsTheHeartbeatAndPublishesItsMetric() throws Exception {
    Run run =
        runJar(
            "heartbeat.json",
            Map.of("CHECK_PERMISSIONS", "false", "AWS_LAMBDA_FUNCTION_NAME", "kill-switch-jar"));

    assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
    assertThat(run.result().path("outcome").asText()).isEqualTo("HEALTHY");
    assertThat(account.heartbeats("kill-switch-jar")).containsExactly(1.0);
  }

  @Test
  void theSdkStillFindsItsHttpClientThroughServiceLoadingInAFreshClassLoader() throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> service = loader.loadClass("software.amazon.awssdk.http.SdkHttpService");
      List<String> found =
          ServiceLoader.load(service, loader).stream()
              .map(p -> p.type().getName())
              .collect(Collectors.toList());

      assertThat(found)
          .containsExactly("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
      Class<?> handler = loader.loadClass("io.platform.killswitch.KillSwitchHandler");
      assertThat(handler.getClassLoader()).isSameAs(loader);
      assertThat(
              loader
                  .loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler")
                  .isAssignableFrom(handler))
          .isTrue();
    }
  }

  @Test
  void theJarIsWithinItsBudgetAndCarriesNoHeavyHttpClient() throws IOException {
    assertThat(Files.size(jar)).isLessThanOrEqualTo(MAX_BYTES);
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(e -> e.getName()).collect(Collectors.toList());
      assertThat(names)
          .contains("io/platform/killswitch/KillSwitchHandler.class")
          .noneMatch(
              n ->
                  n.startsWith("io/netty/")
                      || n.startsWith("org/apache/http/")
                      || n.startsWith("software/amazon/awssdk/http/apache/")
                      || n.startsWith("software/amazon/awssdk/http/nio/"));
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.platform.killswitch.local.LocalInvocation");
    }
  }
}
