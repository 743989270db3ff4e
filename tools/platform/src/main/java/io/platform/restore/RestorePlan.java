package io.platform.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code platform kill-switch restore} is about to do, shown before it asks for confirmation.
 * Built from what IAM and the secret say now.
 *
 * @param keyStatus status of the key the secret names ({@code Active}/{@code Inactive}); empty when
 *     the user has no such key
 * @param otherInactiveKeys keys of the user the restore leaves alone (an all-keys revocation
 *     deactivated them too)
 * @param secretKeyFile with rotate: where the new secret access key goes, besides the secret
 */
public record RestorePlan(
    ServiceUserSecret secret,
    Optional<String> keyStatus,
    List<String> otherInactiveKeys,
    boolean denyPolicyAttached,
    boolean rotate,
    Optional<Path> secretKeyFile) {

  public String username() {
    return secret.username();
  }

  public String accessKeyId() {
    return secret.accessKeyId();
  }

  boolean reactivate() {
    return !rotate && keyStatus.filter("Inactive"::equals).isPresent();
  }

  public boolean nothingToDo() {
    return !rotate && !reactivate() && !denyPolicyAttached;
  }

  /** One line per action, for the confirmation prompt. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("IAM user " + username() + ", named by secret " + secret.secretId() + ":");
    if (rotate) {
      lines.add(
          "  - create a new access key and write its id into the secret"
              + (secret.storesSecretAccessKey()
                  ? " (with its secret access key, which the secret stores)"
                  : ""));
      secretKeyFile.ifPresent(
          f -> lines.add("  - write the new secret access key to " + f + " (mode 0600)"));
      lines.add(
          "  - leave the old key "
              + accessKeyId()
              + " "
              + keyStatus.orElse("(gone)")
              + "; delete it once the service runs on the new one");
    } else if (reactivate()) {
      lines.add("  - reactivate access key " + accessKeyId() + " (now Inactive)");
    } else {
      lines.add("  - access key " + accessKeyId() + " is already Active");
    }
    lines.add(
        denyPolicyAttached
            ? "  - remove the inline deny policy " + AccessRestorer.DENY_POLICY_NAME
            : "  - no deny policy " + AccessRestorer.DENY_POLICY_NAME + " is attached");
    for (String other : otherInactiveKeys) {
      lines.add(
          "  - leave the user's other key "
              + other
              + " Inactive (reactivate by hand if it is in use)");
    }
    return lines;
  }
}
