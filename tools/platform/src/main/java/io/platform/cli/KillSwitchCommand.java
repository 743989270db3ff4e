package io.platform.cli;

import io.platform.aws.AwsClients;
import io.platform.exit.ExitCode;
import io.platform.restore.AccessRestorer;
import io.platform.restore.RestorePlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code platform kill-switch}: undo what the Athena kill switch did. */
@Command(
    name = "kill-switch",
    mixinStandardHelpOptions = true,
    description =
        "Re-enable a service user after the kill switch revoked it (docs/runbooks/kill-switch.md).",
    subcommands = {KillSwitchCommand.Restore.class})
final class KillSwitchCommand {

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Gives a revoked service user its access back, after confirmation.",
        "Reads the kill switch's secret, shows what it will do and asks for confirmation; then reactivates the user's"
            + " access key (with --rotate: creates a new one and writes its id into the secret) and removes the deny"
            + " policy platform-kill-switch-deny. A new secret access key is never printed: it goes into the secret"
            + " when the secret stores one, and into --secret-key-file (mode 0600) when given. Honours"
            + " AWS_ENDPOINT_URL, AWS_REGION and the usual AWS credentials."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:access restored, or nothing to restore",
        "1:error, or not confirmed (nothing changed)",
        "64:invalid command line",
      })
  static final class Restore extends PlatformSubcommand {
    @Option(
        names = "--secret-id",
        required = true,
        paramLabel = "ID",
        description = "ARN or name of the kill switch's secret.")
    String secretId;

    @Option(
        names = "--rotate",
        description = "Create a new access key instead of reactivating the old one.")
    boolean rotate;

    @Option(
        names = "--secret-key-file",
        paramLabel = "FILE",
        description = "With --rotate: write the new key's secret to this new file (mode 0600).")
    Path secretKeyFile;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(
        names = "--region",
        paramLabel = "REGION",
        description = "AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION).")
    String region;

    @Override
    protected int execute() {
      String endpoint = System.getenv("AWS_ENDPOINT_URL");
      try (AwsClients aws =
              new AwsClients(
                  region(),
                  endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                  AwsClients.defaultCredentials());
          IamClient iam = aws.iam();
          SecretsManagerClient secrets = aws.secretsManager()) {
        AccessRestorer restorer = new AccessRestorer(iam, secrets);
        RestorePlan plan = restorer.plan(secretId, rotate, Optional.ofNullable(secretKeyFile));
        plan.describe().forEach(this::progress);
        if (plan.nothingToDo()) {
          progress("nothing to restore");
          return 0;
        }
        if (!yes && !confirmed("Restore the access of IAM user " + plan.username() + "?")) {
          progress("not confirmed; nothing was changed");
          return ExitCode.ERROR.code();
        }
        restorer.apply(plan).forEach(out()::println);
        return 0;
      }
    }

    private String region() {
      for (String candidate :
          new String[] {region, System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION")}) {
        if (candidate != null && !candidate.isBlank()) {
          return candidate;
        }
      }
      throw new IllegalArgumentException("no region: pass --region or set AWS_REGION");
    }

    /** Asks on stderr and reads the answer from stdin; only "yes" confirms. */
    private boolean confirmed(String question) {
      err().print(question + " Type yes to continue: ");
      err().flush();
      try {
        String answer =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equals("yes");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the answer", e);
      }
    }
  }
}
