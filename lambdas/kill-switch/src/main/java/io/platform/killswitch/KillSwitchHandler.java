package io.platform.killswitch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.log.JsonLog;
import io.platform.killswitch.secret.SecretPrefetch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda entry point ({@code io.platform.killswitch.KillSwitchHandler::handleRequest}): takes
 * the EventBridge "CloudWatch Alarm State Change" event and revokes the configured service user's
 * access. A stream handler, so that the function parses the event itself and a malformed one fails
 * with a clear reason.
 */
public final class KillSwitchHandler implements RequestStreamHandler {
  private final ObjectMapper json;
  private final KillSwitch killSwitch;

  /**
   * Built once per execution environment, during Lambda's init phase, so that no invocation pays
   * for it: configuration from the environment, the SDK clients, and Jackson. In that order: the
   * clients are built on threads of their own (and the secret's first read starts as soon as its
   * client is there) while this thread sets up Jackson.
   */
  private static final class Environment {
    static final Map<String, String> VARIABLES = System.getenv();
    static final KillSwitchConfig CONFIG = KillSwitchConfig.fromEnvironment(VARIABLES);
    static final AwsClients AWS =
        AwsClients.fromEnvironment(VARIABLES, CONFIG.athenaWorkgroup().isPresent());
    static final Optional<SecretPrefetch> SECRET =
        SecretPrefetch.startIfOnDemand(VARIABLES, AWS, CONFIG.secretId());
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** The constructor Lambda calls. */
  public KillSwitchHandler() {
    this.json = Environment.JSON;
    this.killSwitch =
        new KillSwitch(
            Environment.CONFIG, Environment.AWS, json, Clock.systemUTC(), Environment.SECRET);
  }

  /** For running the handler in-process, e.g. against the emulator. */
  public KillSwitchHandler(KillSwitchConfig config, AwsClients aws, ObjectMapper json) {
    this.json = json;
    this.killSwitch = new KillSwitch(config, aws, json, Clock.systemUTC());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long started = System.nanoTime();
    JsonLog log =
        new JsonLog(json, line -> context.getLogger().log(line), context.getAwsRequestId());
    try {
      json.writeValue(output, killSwitch.handle(input, log, context));
    } finally {
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      log.info("done", f -> f.put("elapsed_ms", elapsedMs));
    }
  }
}
