package io.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.aws.AwsClients;
import io.platform.emulator.MotoServer;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code platform kill-switch restore} as an operator runs it: the built CLI in its own JVM,
 * against moto, on a user left the way the kill switch leaves one (key Inactive, deny policy
 * attached); answers come on stdin. State is read back through IAM and Secrets Manager.
 */
class KillSwitchRestoreIT {
  private static final String USER = "svc-openmetadata";
  private static final String SECRET = "platform/kill-switch/service-user";
  private static final String DENY = "platform-kill-switch-deny";
  private static final String DENY_DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static MotoServer moto;
  private AwsClients clients;
  private IamClient iam;
  private SecretsManagerClient secrets;
  private AccessKey key;
  @TempDir Path temp;

  @BeforeAll
  static void startMoto() {
    moto = MotoServer.start(Toolchain.locate().motoServer(), "us-east-1");
  }

  @AfterAll
  static void stopMoto() {
    moto.close();
  }

  /** A user as the kill switch leaves it: its key Inactive and the deny policy attached. */
  @BeforeEach
  void revokedUser() {
    moto.reset();
    clients =
        new AwsClients(
            "us-east-1",
            moto.endpoint().url(),
            AwsClients.staticCredentials(
                moto.endpoint().accessKeyId(), moto.endpoint().secretAccessKey()));
    iam = clients.iam();
    secrets = clients.secretsManager();
    iam.createUser(b -> b.userName(USER));
    key = iam.createAccessKey(b -> b.userName(USER)).accessKey();
    iam.updateAccessKey(
        b -> b.userName(USER).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
    iam.putUserPolicy(b -> b.userName(USER).policyName(DENY).policyDocument(DENY_DOCUMENT));
    storeSecret(false);
  }

  @AfterEach
  void closeClients() {
    iam.close();
    secrets.close();
    clients.close();
  }

  private void storeSecret(boolean withSecretKey) {
    String value =
        "{\"username\":\""
            + USER
            + "\",\"access_key_id\":\""
            + key.accessKeyId()
            + "\""
            + (withSecretKey ? ",\"secret_access_key\":\"" + key.secretAccessKey() + "\"" : "")
            + ",\"owner\":\"data-platform\"}";
    if (secrets.listSecrets().secretList().isEmpty()) {
      secrets.createSecret(b -> b.name(SECRET).secretString(value));
    } else {
      secrets.putSecretValue(b -> b.secretId(SECRET).secretString(value));
    }
  }

  record Run(int exitCode, String stdout, String stderr) {}

  private Run restore(String stdin, String... options) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "platform-cli.jar").toAbsolutePath().toString(),
                "kill-switch",
                "restore",
                "--secret-id",
                SECRET));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(moto.endpoint().environment());
    Path out = temp.resolve("out");
    Path err = temp.resolve("err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private List<AccessKeyMetadata> keys() {
    return iam.listAccessKeys(b -> b.userName(USER)).accessKeyMetadata();
  }

  private StatusType status() {
    return keys().stream()
        .filter(k -> k.accessKeyId().equals(key.accessKeyId()))
        .findFirst()
        .orElseThrow()
        .status();
  }

  private List<String> policies() {
    return iam.listUserPolicies(b -> b.userName(USER)).policyNames();
  }

  private JsonNode secret() throws IOException {
    return JSON.readTree(secrets.getSecretValue(b -> b.secretId(SECRET)).secretString());
  }

  @Test
  void afterConfirmationTheKeyIsActiveAgainAndTheDenyPolicyGone() throws Exception {
    Run run = restore("yes\n");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr())
        .contains(
            "reactivate access key " + key.accessKeyId(),
            "remove the inline deny policy " + DENY,
            "Type yes to continue");
    assertThat(run.stdout())
        .contains(
            "access key " + key.accessKeyId() + ": Active", "deny policy " + DENY + ": removed");
    assertThat(status()).isEqualTo(StatusType.ACTIVE);
    assertThat(policies()).isEmpty();

    Run again = restore("", "--yes");
    assertThat(again.exitCode()).isZero();
    assertThat(again.stderr()).contains("nothing to restore");
  }

  @Test
  void withoutConfirmationNothingChanges() throws Exception {
    for (String answer : List.of("no\n", "")) {
      Run run = restore(answer);

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("not confirmed; nothing was changed");
      assertThat(status()).isEqualTo(StatusType.INACTIVE);
      assertThat(policies()).containsExactly(DENY);
    }
  }

  @Test
  void rotateWritesTheNewKeyIntoTheSecretThatStoresOneAndNeverPrintsIt() throws Exception {
    storeSecret(true);

    Run run = restore("", "--rotate", "--yes");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode stored = secret();
    String newId = stored.path("access_key_id").asText();
    String newSecret = stored.path("secret_access_key").asText();
    assertThat(newId).isNotEqualTo(key.accessKeyId());
    assertThat(newSecret).isNotEqualTo(key.secretAccessKey()).isNotBlank();
    assertThat(stored.path("owner").asText()).as("other fields kept").isEqualTo("data-platform");
    assertThat(keys())
        .extracting(AccessKeyMetadata::accessKeyId)
        .containsExactlyInAnyOrder(key.accessKeyId(), newId);
    assertThat(status()).as("the old key stays off").isEqualTo(StatusType.INACTIVE);
    assertThat(policies()).isEmpty();
    assertThat(run.stdout()).contains(newId);
    assertThat(run.stdout() + run.stderr()).doesNotContain(newSecret);
  }

  @Test
  void rotateWritesTheNewSecretKeyOnlyToAnOwnerOnlyFileWhenAskedTo() throws Exception {
    Path file = temp.resolve("keys/new-key.json");

    Run run = restore("", "--rotate", "--secret-key-file", file.toString(), "--yes");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode written = JSON.readTree(file.toFile());
    String newId = secret().path("access_key_id").asText();
    assertThat(written.path("access_key_id").asText()).isEqualTo(newId);
    assertThat(written.path("secret_access_key").asText()).isNotBlank();
    assertThat(secret().has("secret_access_key"))
        .as("the secret did not store one before")
        .isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(run.stdout() + run.stderr())
        .doesNotContain(written.path("secret_access_key").asText());

    Run again = restore("", "--rotate", "--secret-key-file", file.toString(), "--yes");
    assertThat(again.exitCode()).isEqualTo(1);
  }

  @Test
  void rotateRefusesToLoseTheNewKeyOrToExceedTheKeyLimit() throws Exception {
    Run nowhere = restore("", "--rotate", "--yes");

    assertThat(nowhere.exitCode()).isEqualTo(1);
    assertThat(nowhere.stderr()).contains("would be lost", "--secret-key-file");

    iam.createAccessKey(b -> b.userName(USER));
    Run full =
        restore("", "--rotate", "--secret-key-file", temp.resolve("k.json").toString(), "--yes");

    assertThat(full.exitCode()).isEqualTo(1);
    assertThat(full.stderr()).contains("already has 2 access keys");
    assertThat(Files.exists(temp.resolve("k.json"))).isFalse();
    assertThat(keys()).hasSize(2);
    assertThat(policies()).containsExactly(DENY);
  }

  @Test
  void aMissingSecretOrUserIsOneClearErrorLine() throws Exception {
    secrets.putSecretValue(
        b ->
            b.secretId(SECRET)
                .secretString(
                    "{\"username\":\"svc-gone\",\"access_key_id\":\"" + key.accessKeyId() + "\"}"));

    Run run = restore("", "--yes");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip())
        .isEqualTo("error: secret " + SECRET + " names IAM user svc-gone, which does not exist");
  }
}
