package io.platform.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Undoes a kill-switch revocation for the user its secret names: reactivates the key (or creates a
 * new one and writes it into the secret), then removes the deny policy, which is the moment access
 * returns. New secret access keys never reach stdout or a log: they go into the secret when it
 * stores one, and into a mode-0600 file when asked.
 */
public final class AccessRestorer {
  /** The inline policy the kill switch attaches (contract with lambdas/kill-switch). */
  public static final String DENY_POLICY_NAME = "platform-kill-switch-deny";

  /** IAM's limit of access keys per user. */
  static final int MAX_KEYS = 2;

  private final IamClient iam;
  private final SecretsManagerClient secrets;

  public AccessRestorer(IamClient iam, SecretsManagerClient secrets) {
    this.iam = iam;
    this.secrets = secrets;
  }

  /** Reads the secret and the user's keys and policy; changes nothing. */
  public RestorePlan plan(String secretId, boolean rotate, Optional<Path> secretKeyFile) {
    if (secretKeyFile.isPresent() && !rotate) {
      throw new IllegalArgumentException(
          "--secret-key-file goes with --rotate: only a new key has a secret to write");
    }
    ServiceUserSecret secret = ServiceUserSecret.read(secrets, secretId);
    List<AccessKeyMetadata> keys;
    try {
      keys =
          iam
              .listAccessKeysPaginator(b -> b.userName(secret.username()))
              .accessKeyMetadata()
              .stream()
              .toList();
    } catch (NoSuchEntityException e) {
      throw new IllegalStateException(
          "secret " + secretId + " names IAM user " + secret.username() + ", which does not exist",
          e);
    }
    Optional<String> status =
        keys.stream()
            .filter(k -> k.accessKeyId().equals(secret.accessKeyId()))
            .map(AccessKeyMetadata::statusAsString)
            .findFirst();
    if (!rotate && status.isEmpty()) {
      throw new IllegalStateException(
          "secret "
              + secretId
              + " names access key "
              + secret.accessKeyId()
              + ", which IAM user "
              + secret.username()
              + " does not have; pass --rotate to create a new key");
    }
    if (rotate && keys.size() >= MAX_KEYS) {
      throw new IllegalStateException(
          "IAM user "
              + secret.username()
              + " already has "
              + keys.size()
              + " access keys, the most IAM allows; delete the one not in use first (aws iam delete-access-key --user-name "
              + secret.username()
              + " --access-key-id KEY_ID)");
    }
    if (rotate && !secret.storesSecretAccessKey() && secretKeyFile.isEmpty()) {
      throw new IllegalArgumentException(
          "secret "
              + secretId
              + " does not store a secret access key, so a new key's "
              + "secret would be lost; pass --secret-key-file FILE to have it written there (mode 0600)");
    }
    List<String> otherInactive =
        keys.stream()
            .filter(
                k ->
                    !k.accessKeyId().equals(secret.accessKeyId())
                        && k.status() == StatusType.INACTIVE)
            .map(AccessKeyMetadata::accessKeyId)
            .toList();
    return new RestorePlan(
        secret,
        status,
        otherInactive,
        denyPolicyAttached(secret.username()),
        rotate,
        secretKeyFile);
  }

  /** Carries the plan out; returns one line per change made. */
  public List<String> apply(RestorePlan plan) {
    List<String> done = new ArrayList<>();
    String user = plan.username();
    if (plan.rotate()) {
      done.addAll(rotate(plan));
    } else if (plan.reactivate()) {
      iam.updateAccessKey(
          b -> b.userName(user).accessKeyId(plan.accessKeyId()).status(StatusType.ACTIVE));
      done.add("access key " + plan.accessKeyId() + ": Active");
    }
    if (plan.denyPolicyAttached()) {
      iam.deleteUserPolicy(b -> b.userName(user).policyName(DENY_POLICY_NAME));
      done.add("deny policy " + DENY_POLICY_NAME + ": removed from " + user);
    }
    return done;
  }

  private List<String> rotate(RestorePlan plan) {
    ServiceUserSecret secret = plan.secret();
    Optional<SecretKeyFile> file = plan.secretKeyFile().map(SecretKeyFile::create);
    AccessKey key;
    try {
      key = iam.createAccessKey(b -> b.userName(plan.username())).accessKey();
    } catch (RuntimeException e) {
      file.ifPresent(SecretKeyFile::discard);
      throw e;
    }
    List<String> done = new ArrayList<>();
    done.add("access key " + key.accessKeyId() + ": created for " + plan.username());
    file.ifPresent(
        f -> {
          f.write(plan.username(), key.accessKeyId(), key.secretAccessKey());
          done.add("secret access key of " + key.accessKeyId() + ": written to " + f.path());
        });
    Optional<String> storedKey =
        secret.storesSecretAccessKey() ? Optional.of(key.secretAccessKey()) : Optional.empty();
    secret.writeKey(secrets, key.accessKeyId(), storedKey);
    done.add(
        "secret "
            + secret.secretId()
            + ": "
            + ServiceUserSecret.ACCESS_KEY_ID
            + " is now "
            + key.accessKeyId()
            + (storedKey.isPresent()
                ? " (with its " + ServiceUserSecret.SECRET_ACCESS_KEY + ")"
                : ""));
    return done;
  }

  private boolean denyPolicyAttached(String username) {
    try {
      iam.getUserPolicy(b -> b.userName(username).policyName(DENY_POLICY_NAME));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }
}
