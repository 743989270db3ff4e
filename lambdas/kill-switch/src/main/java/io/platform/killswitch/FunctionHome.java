package io.platform.killswitch;

import java.util.Optional;

/**
 * The account and region the function runs in: only events from there are acted on. Taken from the
 * ARN Lambda invoked; outside Lambda (a local run), from the notice topic's ARN, which the
 * kill-switch module creates beside the function.
 */
record FunctionHome(String account, String region) {

  static FunctionHome of(String invokedFunctionArn, String topicArn) {
    return parse(invokedFunctionArn)
        .or(() -> parse(topicArn))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "neither the invoked function ARN nor the topic ARN "
                        + topicArn
                        + " names an account and region"));
  }

  /** {@code arn:partition:service:region:account:resource}. */
  private static Optional<FunctionHome> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6
        || !"arn".equals(parts[0])
        || parts[3].isEmpty()
        || !parts[4].matches("[0-9]{12}")) {
      return Optional.empty();
    }
    return Optional.of(new FunctionHome(parts[4], parts[3]));
  }
}
