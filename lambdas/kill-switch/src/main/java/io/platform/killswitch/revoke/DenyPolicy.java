package io.platform.killswitch.revoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The inline policy that denies the user everything. A disabled key leaves session credentials
 * minted from it valid for up to 36 hours; a deny on the user applies to those too.
 */
final class DenyPolicy {
  static final String ACTION = "attach-deny-policy";

  /** Fixed by contract: the restore command removes the policy by this name. */
  static final String NAME = "platform-kill-switch-deny";

  static final String DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"KillSwitchDenyAll\",\"Effect\":\"Deny\","
          + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private final IamClient iam;
  private final ObjectMapper json;
  private final boolean dryRun;

  DenyPolicy(IamClient iam, ObjectMapper json, boolean dryRun) {
    this.iam = iam;
    this.json = json;
    this.dryRun = dryRun;
  }

  StepResult attach(String username) {
    try {
      Optional<String> current = current(username);
      if (current.isPresent() && sameDocument(current.get())) {
        return new StepResult(ACTION, username, StepOutcome.NO_OP, NAME + " already attached");
      }
      String change =
          current.isPresent() ? "replace " + NAME + " (its document differs)" : "attach " + NAME;
      if (dryRun) {
        return new StepResult(ACTION, username, StepOutcome.DRY_RUN, "would " + change);
      }
      iam.putUserPolicy(b -> b.userName(username).policyName(NAME).policyDocument(DOCUMENT));
      return new StepResult(
          ACTION,
          username,
          StepOutcome.DONE,
          current.isPresent() ? "replaced " + NAME : "attached " + NAME);
    } catch (SdkException e) {
      return StepResult.failed(ACTION, username, e);
    }
  }

  private Optional<String> current(String username) {
    try {
      return Optional.of(
          iam.getUserPolicy(b -> b.userName(username).policyName(NAME)).policyDocument());
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }

  /** IAM returns the document URL-encoded; compare it as JSON, not as text. */
  private boolean sameDocument(String returned) {
    String text =
        returned.startsWith("%") ? URLDecoder.decode(returned, StandardCharsets.UTF_8) : returned;
    try {
      JsonNode wanted = json.readTree(DOCUMENT);
      return wanted.equals(json.readTree(text));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
