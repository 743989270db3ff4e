package io.platform.killswitch.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Lambda context for running the handler outside Lambda: a fresh request id, and a logger that
 * hands each line to a sink (stderr, a test's list, a benchmark's clock). The handler reads nothing
 * else from its context.
 */
public final class LocalContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final Consumer<String> sink;

  public LocalContext(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        sink.accept(message);
      }

      @Override
      public void log(byte[] message) {
        sink.accept(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String getLogGroupName() {
    return null;
  }

  @Override
  public String getLogStreamName() {
    return null;
  }

  @Override
  public String getFunctionName() {
    return "kill-switch (local)";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return null;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return Integer.MAX_VALUE;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 0;
  }
}
