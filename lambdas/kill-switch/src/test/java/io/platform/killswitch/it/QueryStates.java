package io.platform.killswitch.it;

import io.platform.emulator.AwsEndpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * moto runs no queries: an execution moves QUEUED -> RUNNING -> SUCCEEDED as it is described. Its
 * state manager can make each GetQueryExecution advance one step instead, so that a test holds a
 * query RUNNING while the kill switch looks at it.
 */
final class QueryStates implements AutoCloseable {
  private static final String MODEL = "athena::execution";

  private final AwsEndpoint aws;
  private final HttpClient http = HttpClient.newHttpClient();

  private QueryStates(AwsEndpoint aws) {
    this.aws = aws;
  }

  /** Each GetQueryExecution advances a query one state. */
  static QueryStates oneStepPerRead(AwsEndpoint aws) {
    QueryStates states = new QueryStates(aws);
    states.post(
        "set-transition",
        "{\"model_name\":\""
            + MODEL
            + "\",\"transition\":{\"progression\":\"manual\",\"times\":1}}");
    return states;
  }

  @Override
  public void close() {
    post("unset-transition", "{\"model_name\":\"" + MODEL + "\"}");
  }

  private void post(String action, String body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(aws.url().resolve("/moto-api/state-manager/" + action))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw new IllegalStateException(
            "moto state manager " + action + " answered HTTP " + status);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the moto state manager", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
