package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.terratest.ScriptSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's boot script, rendered by Terraform from the module's template and run in a
 * scratch root with {@code aws}, {@code curl}, {@code dnf}, {@code rpm}, {@code systemctl}, {@code
 * useradd}, {@code getent}, {@code chown} and {@code uname} stubbed: what it installs, the user it
 * creates, the token file, the readiness timer and the units it writes, and that the token never
 * appears in an argument vector, in a unit file or in the output.
 */
class CloudflaredUserDataIT {
  static final String TEMPLATE = "modules/cloudflared-ec2/templates/user-data.sh.tftpl";
  static final String SECRET_ARN =
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:platform-staging-cloudflared/tunnel-token-AbC123";
  static final String REGION = "eu-west-1";
  static final String VERSION = "2025.11.1";
  static final String GPG_KEY = "https://pkg.cloudflare.com/cloudflare-public-v2.gpg";
  static final String METRICS = "127.0.0.1:20241";
  static final String INSTANCE_ID = "i-0123456789abcdef0";

  /** Stands in for the rendered readiness script, which the boot script writes out as it is. */
  static final String READINESS_SCRIPT =
      "#!/bin/bash\n# readiness publisher ${not-a-template} $HOME\necho ready";

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static Path script;

  private final String token = "eyJ" + UUID.randomUUID().toString().replace("-", "") + "tunnel";

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    script =
        ModuleTemplates.render(
            dir,
            TEMPLATE,
            Map.of(
                "service_user", "cloudflared",
                "token_secret_arn", SECRET_ARN,
                "token_wait_seconds", "2",
                "cloudflared_version", VERSION,
                "cloudflared_repo_baseurl", "https://pkg.cloudflare.com/cloudflared/rpm",
                "cloudflared_repo_gpgkey", GPG_KEY,
                "metrics_address", METRICS,
                "readiness_script", READINESS_SCRIPT),
            "user-data.sh");
  }

  @Test
  void bootsTheConnectorAsANologinUserWithoutEverExposingTheToken(@TempDir Path dir)
      throws IOException {
    // The secret is empty at the first read (the cloudflare-tunnel unit writes it later).
    ScriptSandbox sandbox = sandbox(dir, tokenOnReadNumber(2));

    ScriptSandbox.Run run = sandbox.run(script, environment(sandbox, 0), TIMEOUT);

    assertThat(run.exitCode()).as(run.output()).isZero();

    // IMDSv2: a session token first, then the region and the instance id with one.
    List<ScriptSandbox.Call> curl = sandbox.calls("curl");
    assertThat(curl.get(0).args()).contains("PUT", "http://imds.test/latest/api/token");
    assertThat(curl.get(1).args())
        .contains(
            "X-aws-ec2-metadata-token: imds-session",
            "http://imds.test/latest/meta-data/placement/region");
    assertThat(curl.get(3).args())
        .contains(
            "X-aws-ec2-metadata-token: imds-session",
            "http://imds.test/latest/meta-data/instance-id");

    // Packages: the SSM agent of the region and architecture, cloudflared pinned from the signed
    // repository.
    assertThat(sandbox.calls("dnf"))
        .extracting(ScriptSandbox.Call::line)
        .containsExactly(
            "dnf install -y https://s3."
                + REGION
                + ".amazonaws.com/amazon-ssm-"
                + REGION
                + "/latest/linux_arm64/amazon-ssm-agent.rpm",
            "dnf install -y cloudflared-" + VERSION);
    String repo = Files.readString(sandbox.root().resolve("etc/yum.repos.d/cloudflared.repo"));
    assertThat(repo).contains("gpgcheck=1", "repo_gpgcheck=1", "gpgkey=" + GPG_KEY);

    // A system user that cannot log in.
    assertThat(sandbox.calls("useradd"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.args())
                    .contains("--system")
                    .containsSubsequence("--shell", "/usr/sbin/nologin")
                    .endsWith("cloudflared"));

    // The token, read with the region from IMDS, lands in a file only that user can read.
    assertThat(sandbox.calls("aws"))
        .hasSize(2)
        .allSatisfy(
            c ->
                assertThat(c.args())
                    .containsSubsequence("secretsmanager", "get-secret-value")
                    .containsSubsequence("--region", REGION)
                    .containsSubsequence("--secret-id", SECRET_ARN));
    Path tokenFile = sandbox.root().resolve("etc/cloudflared/token");
    assertThat(Files.readString(tokenFile)).isEqualTo(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())))
        .isEqualTo("rwx------");
    assertThat(sandbox.calls("chown"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.args())
                    .containsExactly(
                        "cloudflared:cloudflared",
                        tokenFile + ".partial",
                        tokenFile.getParent().toString()));
    assertThat(Files.exists(tokenFile.resolveSibling("token.partial"))).isFalse();

    // The unit runs as that user with the token file and a hardened sandbox.
    Path unitFile = sandbox.root().resolve("etc/systemd/system/cloudflared.service");
    String unit = Files.readString(unitFile);
    assertThat(unit.lines())
        .contains(
            "User=cloudflared",
            "Group=cloudflared",
            "ExecStart=/usr/bin/cloudflared --no-autoupdate tunnel --metrics "
                + METRICS
                + " run --token-file /etc/cloudflared/token",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ProtectHome=yes",
            "PrivateTmp=yes",
            "CapabilityBoundingSet=");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unitFile)))
        .isEqualTo("rw-r--r--");

    // The readiness publisher: the rendered script as it is, the instance's region and id for
    // it, and a minutely timer running it as a throwaway user (never root, never the token's).
    Path readiness = sandbox.root().resolve("usr/local/libexec/cloudflared-readiness");
    assertThat(Files.readString(readiness)).isEqualTo(READINESS_SCRIPT + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readiness)))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readString(sandbox.root().resolve("etc/cloudflared-readiness.env")))
        .isEqualTo("REGION=" + REGION + "\nINSTANCE_ID=" + INSTANCE_ID + "\n");
    assertThat(
            Files.readString(
                    sandbox.root().resolve("etc/systemd/system/cloudflared-readiness.service"))
                .lines())
        .contains(
            "Type=oneshot",
            "DynamicUser=yes",
            "EnvironmentFile=/etc/cloudflared-readiness.env",
            "ExecStart=/usr/local/libexec/cloudflared-readiness",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict");
    assertThat(
            Files.readString(
                    sandbox.root().resolve("etc/systemd/system/cloudflared-readiness.timer"))
                .lines())
        .contains("OnCalendar=*-*-* *:*:00", "WantedBy=timers.target");

    // The timer starts before the token is read, so a connector waiting for it reports 0 ready
    // connections rather than nothing; cloudflared starts once systemd has read its new unit.
    assertThat(sandbox.calls("systemctl"))
        .extracting(ScriptSandbox.Call::line)
        .containsExactly(
            "systemctl enable --now amazon-ssm-agent.service",
            "systemctl daemon-reload",
            "systemctl enable --now cloudflared-readiness.timer",
            "systemctl daemon-reload",
            "systemctl enable --now cloudflared.service");

    // The token is nowhere but in its file.
    assertThat(sandbox.calls()).allSatisfy(c -> assertThat(c.line()).doesNotContain(token));
    assertThat(unit).doesNotContain(token);
    assertThat(run.output()).doesNotContain(token);
  }

  @Test
  void givesUpWithoutStartingTheTunnelWhenTheSecretStaysEmpty(@TempDir Path dir)
      throws IOException {
    ScriptSandbox sandbox = sandbox(dir, "exit 254");

    ScriptSandbox.Run run = sandbox.run(script, environment(sandbox, 1), TIMEOUT);

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("no token in " + SECRET_ARN);
    // Read at 0, 1 and 2 seconds, then no more.
    assertThat(sandbox.calls("aws")).hasSize(3);
    assertThat(sandbox.root().resolve("etc/cloudflared/token")).doesNotExist();
    assertThat(sandbox.root().resolve("etc/cloudflared/token.partial")).doesNotExist();
    assertThat(sandbox.calls("systemctl"))
        .extracting(ScriptSandbox.Call::line)
        .contains("systemctl enable --now cloudflared-readiness.timer")
        .doesNotContain("systemctl enable --now cloudflared.service");
  }

  /**
   * The stubs, with {@code aws} given its behaviour; the rest answer as on a fresh RHEL 9 instance.
   */
  private ScriptSandbox sandbox(Path dir, String awsBody) {
    return ScriptSandbox.in(dir)
        .directories("etc/yum.repos.d", "etc/systemd/system")
        .stub(
            "curl",
            """
            for a in "$@"; do [[ "$a" == PUT ]] && { echo imds-session; exit 0; }; done
            [[ "${*: -1}" == */placement/region ]] && echo %s
            [[ "${*: -1}" == */instance-id ]] && echo %s
            exit 0
            """
                .formatted(REGION, INSTANCE_ID))
        .stub("aws", awsBody)
        .stub("uname", "[[ \"$1\" == -m ]] && echo aarch64 || echo Linux")
        .stub("rpm", "exit 1")
        .stub("getent", "exit 2")
        .stub("dnf", "exit 0")
        .stub("systemctl", "exit 0")
        .stub("useradd", "exit 0")
        .stub("chown", "exit 0");
  }

  /**
   * An {@code aws} that finds the secret empty until its {@code n}-th call, then prints the token.
   */
  private String tokenOnReadNumber(int n) {
    return """
        count_file="$(dirname "$0")/aws.count"
        count=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))
        echo "$count" >"$count_file"
        (( count >= %d )) || { echo 'ResourceNotFoundException: no value for staging label AWSCURRENT' >&2; exit 254; }
        printf '%%s\\n' '%s'
        """
        .formatted(n, token);
  }

  private static Map<String, String> environment(ScriptSandbox sandbox, int retrySeconds) {
    return Map.of(
        "ROOT", sandbox.root().toString(),
        "IMDS_ENDPOINT", "http://imds.test",
        "TOKEN_RETRY_SECONDS", String.valueOf(retrySeconds));
  }
}
