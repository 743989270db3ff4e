package io.platform.killswitch.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** One line about a failed AWS call: the service's error code and message, or the client's. */
public final class AwsErrors {
  private AwsErrors() {}

  public static String describe(RuntimeException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode()
          + ": "
          + service.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
