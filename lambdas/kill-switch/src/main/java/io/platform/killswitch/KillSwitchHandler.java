package io.platform.killswitch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The Lambda entry point ({@code io.platform.killswitch.KillSwitchHandler::handleRequest}):
 * takes the EventBridge "CloudWatch Alarm State Change" event and revokes the configured
 * service user's access. A stream handler, so that the function parses the event itself and
 * a malformed one fails with a clear reason.
 */
public final class KillSwitchHandler implements RequestStreamHandler {
  private final ObjectMapper json;
  private final KillSwitch killSwitch;

  /**
   * Built once per execution environment, during Lambda's init phase: configuration from the
   * environment, and the SDK clients, so that no invocation pays for them.
   */
  private static final class Environment {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> VARIABLES = System.getenv();
    static final KillSwitchConfig CONFIG = KillSwitchConfig.fromEnvironment(VARIABLES);
    static final AwsClients AWS = AwsClients.fromEnvironment(VARIABLES, CONFIG.stopQueries());
  }

  /** The constructor Lambda calls. */
  public KillSwitchHandler() {
    this(Environment.CONFIG, Environment.AWS, Environment.JSON);
  }

  /** For running the handler in-process, e.g. against the emulator. */
  public KillSwitchHandler(KillSwitchConfig config, AwsClients aws, ObjectMapper json) {
    this.json = json;
    this.killSwitch = new KillSwitch(config, aws, json, Clock.systemUTC());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    JsonLog log = new JsonLog(json, line -> context.getLogger().log(line), context.getAwsRequestId());
    try {
      json.writeValue(output, killSwitch.handle(input, log));
    } finally {
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      log.info("done", f -> f.put("elapsed_ms", elapsedMs));
    }
  }
}
