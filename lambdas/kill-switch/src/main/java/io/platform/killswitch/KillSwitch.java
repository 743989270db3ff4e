package io.platform.killswitch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.event.AlarmEvents;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import io.platform.killswitch.event.MalformedEventException;
import io.platform.killswitch.log.JsonLog;
import io.platform.killswitch.notice.Notice;
import io.platform.killswitch.notice.NoticePublisher;
import io.platform.killswitch.revoke.Revocation;
import io.platform.killswitch.revoke.StepResult;
import io.platform.killswitch.secret.SecretException;
import io.platform.killswitch.secret.SecretReader;
import io.platform.killswitch.secret.ServiceUser;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One invocation, start to end: read the event, decide whether it is ours, read the secret,
 * revoke, publish one notice, and fail loudly when anything did not work.
 */
public final class KillSwitch {
  private final KillSwitchConfig config;
  private final ObjectMapper json;
  private final AlarmEvents events;
  private final AlarmTrigger trigger;
  private final SecretReader secrets;
  private final Revocation revocation;
  private final NoticePublisher notices;

  public KillSwitch(KillSwitchConfig config, AwsClients aws, ObjectMapper json, Clock clock) {
    this.config = config;
    this.json = json;
    this.events = new AlarmEvents(json);
    this.trigger = new AlarmTrigger(config.allowlist());
    this.secrets = new SecretReader(aws.secretsManager(), json);
    this.revocation = new Revocation(config, aws.iam(), aws.athena(), json, clock);
    this.notices = new NoticePublisher(aws.sns(), config.snsTopicArn());
  }

  /**
   * Handles one event and returns what was done, as JSON.
   *
   * @throws MalformedEventException when the input is not a readable alarm event
   * @throws KillSwitchFailure after the notice, when a step or a precondition failed, or when
   *     the notice itself could not be published
   */
  public ObjectNode handle(InputStream input, JsonLog log) {
    AlarmStateChangeEvent event;
    try {
      event = events.parse(input);
    } catch (MalformedEventException e) {
      log.error("event-malformed", f -> f.put("reason", e.getMessage()));
      throw e;
    }
    Optional<String> ignored = trigger.ignoreReason(event);
    if (ignored.isPresent()) {
      log.info("event-ignored", f -> f.put("alarm", alarmName(event)).put("reason", ignored.get()));
      return json.createObjectNode().put("outcome", Outcome.IGNORED.name()).put("reason", ignored.get());
    }
    log.info("alarm", f -> f.put("alarm", event.alarmName()).put("state", event.stateValue())
        .put("secret_id", config.secretId()).put("scope", config.scope().value()).put("dry_run", config.dryRun()));

    Report report = revoke(event, log);
    String messageId;
    try {
      messageId = notices.publish(Notice.of(report));
    } catch (SdkException e) {
      log.error("notice-failed", f -> f.put("topic", config.snsTopicArn()).put("error", e.getMessage()));
      throw new KillSwitchFailure(
          "the notice to " + config.snsTopicArn() + " could not be published (outcome was "
              + report.outcome() + "): " + e.getMessage(), e);
    }
    log.info("notice-published", f -> f.put("outcome", report.outcome().name()).put("message_id", messageId));
    if (report.outcome() == Outcome.FAILED) {
      throw new KillSwitchFailure("kill switch for alarm " + event.alarmName() + " failed: " + report.failures());
    }
    return result(report).put("notice_message_id", messageId);
  }

  private Report revoke(AlarmStateChangeEvent event, JsonLog log) {
    ServiceUser user;
    try {
      user = secrets.read(config.secretId());
    } catch (SecretException | SdkException e) {
      return unusableSecret(event, Optional.empty(), e, log);
    }
    log.info("secret-read", f -> f.put("secret_id", config.secretId()).put("user", user.username())
        .put("access_key_id", user.accessKeyId()));
    try {
      List<StepResult> steps = revocation.revoke(user, step -> log.info("step", f -> put(f, step)));
      return new Report(event, config.secretId(), Optional.of(user), steps, Optional.empty(), config.dryRun());
    } catch (SecretException e) {
      return unusableSecret(event, Optional.of(user), e, log);
    }
  }

  /** The revocation could not start: nothing was written. */
  private Report unusableSecret(AlarmStateChangeEvent event, Optional<ServiceUser> user, RuntimeException e, JsonLog log) {
    log.error("secret-unusable", f -> f.put("secret_id", config.secretId()).put("reason", e.getMessage()));
    return new Report(event, config.secretId(), user, List.of(), Optional.of(e.getMessage()), config.dryRun());
  }

  private ObjectNode result(Report report) {
    ObjectNode result = json.createObjectNode()
        .put("outcome", report.outcome().name())
        .put("alarm", report.event().alarmName())
        .put("dry_run", report.dryRun());
    report.user().ifPresent(u -> result.put("user", u.username()).put("access_key_id", u.accessKeyId()));
    ArrayNode steps = result.putArray("steps");
    report.steps().forEach(step -> put(steps.addObject(), step));
    return result;
  }

  /** A step as the log line and the result both show it. */
  private static void put(ObjectNode node, StepResult step) {
    node.put("action", step.action()).put("target", step.target())
        .put("outcome", step.outcome().label()).put("detail", step.detail());
  }

  private static String alarmName(AlarmStateChangeEvent event) {
    return event.detail() == null ? null : event.detail().alarmName();
  }
}
