package io.platform.killswitch;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.event.AlarmEvents;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import io.platform.killswitch.event.MalformedEventException;
import io.platform.killswitch.heartbeat.HealthCheck;
import io.platform.killswitch.heartbeat.Heartbeat;
import io.platform.killswitch.heartbeat.HeartbeatMetric;
import io.platform.killswitch.heartbeat.HeartbeatResult;
import io.platform.killswitch.log.JsonLog;
import io.platform.killswitch.notice.Notice;
import io.platform.killswitch.notice.NoticePublisher;
import io.platform.killswitch.queries.AlarmWindow;
import io.platform.killswitch.queries.QuerySummary;
import io.platform.killswitch.queries.ScanCost;
import io.platform.killswitch.queries.WindowQueries;
import io.platform.killswitch.queries.WorkgroupQueries;
import io.platform.killswitch.revoke.Revocation;
import io.platform.killswitch.revoke.StepResult;
import io.platform.killswitch.secret.SecretException;
import io.platform.killswitch.secret.SecretPrefetch;
import io.platform.killswitch.secret.SecretReader;
import io.platform.killswitch.secret.ServiceUser;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One invocation, start to end: read the event, decide whether it is ours, read the secret, revoke,
 * list what the workgroup ran, publish one notice, and fail loudly when anything did not work. The
 * schedule's heartbeat takes its own path, which only reads.
 */
public final class KillSwitch {
  private final KillSwitchConfig config;
  private final ObjectMapper json;
  private final AlarmEvents events;
  private final AlarmTrigger trigger;
  private final SecretReader secrets;
  private final Revocation revocation;
  private final NoticePublisher notices;
  private final Optional<WorkgroupQueries> queries;
  private final ScanCost cost;
  private final Heartbeat heartbeat;
  private final Supplier<HeartbeatMetric> heartbeatMetric;
  private final Clock clock;

  public KillSwitch(KillSwitchConfig config, AwsClients aws, ObjectMapper json, Clock clock) {
    this(config, aws, json, clock, Optional.empty());
  }

  /**
   * @param prefetch the read of the secret started during init, for the first invocation
   */
  public KillSwitch(
      KillSwitchConfig config,
      AwsClients aws,
      ObjectMapper json,
      Clock clock,
      Optional<SecretPrefetch> prefetch) {
    this.config = config;
    this.json = json;
    // Jackson first: it sets up the event model while the SDK clients are still being built.
    this.events = new AlarmEvents(json);
    this.trigger = new AlarmTrigger(config.allowlist());
    this.secrets = new SecretReader(aws.secretsManager(), json, prefetch);
    this.revocation = new Revocation(config, aws.iam(), aws.athena(), json, clock);
    this.notices = new NoticePublisher(aws.sns(), config.snsTopicArn());
    this.queries = aws.athena().map(WorkgroupQueries::new);
    this.cost = new ScanCost(config.pricePerTbUsd());
    this.heartbeat = new Heartbeat(config, secrets, aws.iam());
    this.heartbeatMetric = () -> new HeartbeatMetric(aws.cloudWatch());
    this.clock = clock;
  }

  /**
   * Handles one event and returns what was done, as JSON.
   *
   * @throws MalformedEventException when the input is not a readable alarm event
   * @throws KillSwitchFailure after the notice, when a step or a precondition failed, or when the
   *     notice itself could not be published
   */
  public ObjectNode handle(InputStream input, JsonLog log, Context context) {
    AlarmStateChangeEvent event;
    try {
      event = events.parse(input);
    } catch (MalformedEventException e) {
      log.error("event-malformed", f -> f.put("reason", e.getMessage()));
      throw e;
    }
    FunctionHome home = FunctionHome.of(context.getInvokedFunctionArn(), config.snsTopicArn());
    if (event.isHeartbeat()) {
      return heartbeat(
          config.heartbeat().functionName().orElse(context.getFunctionName()), home, log);
    }
    Optional<String> ignored = trigger.ignoreReason(event, home);
    if (ignored.isPresent()) {
      log.info("event-ignored", f -> f.put("alarm", alarmName(event)).put("reason", ignored.get()));
      return json.createObjectNode()
          .put("outcome", Outcome.IGNORED.name())
          .put("reason", ignored.get());
    }
    log.info(
        "alarm",
        f ->
            f.put("alarm", event.alarmName())
                .put("state", event.stateValue())
                .put("secret_id", config.secretId())
                .put("scope", config.scope().value())
                .put("dry_run", config.dryRun()));

    Report revoked = revoke(event, log);
    // Only once every step has run: reading the queries may be slow, and may fail.
    Report report =
        config
            .athenaWorkgroup()
            .flatMap(w -> queries.map(q -> q.read(w, AlarmWindow.of(event, clock.instant()))))
            .map(read -> logged(read, log))
            .map(revoked::withQueries)
            .orElse(revoked);
    String messageId = publish(Notice.of(report, cost), "outcome was " + report.outcome(), log);
    log.info(
        "notice-published",
        f -> f.put("outcome", report.outcome().name()).put("message_id", messageId));
    if (report.outcome() == Outcome.FAILED) {
      throw new KillSwitchFailure(
          "kill switch for alarm " + event.alarmName() + " failed: " + report.failures());
    }
    return result(report).put("notice_message_id", messageId);
  }

  /**
   * Publishes a notice and returns its message id.
   *
   * @param about what the notice was for, in the failure's message
   * @throws KillSwitchFailure when SNS refuses it
   */
  private String publish(Notice notice, String about, JsonLog log) {
    try {
      return notices.publish(notice);
    } catch (SdkException e) {
      log.error(
          "notice-failed", f -> f.put("topic", config.snsTopicArn()).put("error", e.getMessage()));
      throw new KillSwitchFailure(
          "the notice to "
              + config.snsTopicArn()
              + " could not be published ("
              + about
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private Report revoke(AlarmStateChangeEvent event, JsonLog log) {
    ServiceUser user;
    try {
      user = secrets.read(config.secretId());
    } catch (SecretException | SdkException e) {
      return unusableSecret(event, Optional.empty(), e, log);
    }
    log.info(
        "secret-read",
        f ->
            f.put("secret_id", config.secretId())
                .put("user", user.username())
                .put("access_key_id", user.accessKeyId()));
    try {
      List<StepResult> steps = revocation.revoke(user, step -> log.info("step", f -> put(f, step)));
      return new Report(
          event,
          config.secretId(),
          Optional.of(user),
          steps,
          Optional.empty(),
          config.dryRun(),
          Optional.empty());
    } catch (SecretException e) {
      return unusableSecret(event, Optional.of(user), e, log);
    }
  }

  /** The revocation could not start: nothing was written. */
  private Report unusableSecret(
      AlarmStateChangeEvent event, Optional<ServiceUser> user, RuntimeException e, JsonLog log) {
    log.error(
        "secret-unusable",
        f -> f.put("secret_id", config.secretId()).put("reason", e.getMessage()));
    return new Report(
        event,
        config.secretId(),
        user,
        List.of(),
        Optional.of(e.getMessage()),
        config.dryRun(),
        Optional.empty());
  }

  private WindowQueries logged(WindowQueries read, JsonLog log) {
    if (read.error().isPresent()) {
      log.warn(
          "queries-unreadable",
          f -> f.put("workgroup", read.workgroup()).put("error", read.error().get()));
      return read;
    }
    log.info(
        "queries",
        f -> {
          f.put("workgroup", read.workgroup())
              .put("window_start", read.window().start().toString())
              .put("window_end", read.window().end().toString())
              .put("count", read.count())
              .put("total_bytes", read.totalBytes())
              .put("total_usd", cost.usd(read.totalBytes()))
              .put("complete", read.complete());
          ArrayNode largest = f.putArray("largest");
          for (QuerySummary query : read.largest()) {
            largest
                .addObject()
                .put("id", query.id())
                .put("state", query.state())
                .put("bytes", query.bytes())
                .put("usd", cost.usd(query.bytes()))
                .put("submitted", query.started().map(Object::toString).orElse(null))
                .put("text", query.text());
          }
        });
    return read;
  }

  /**
   * The proof of life: checks, then the metric, then (when unhealthy) the notice. An unhealthy
   * heartbeat is a result, not a failure: the metric and the notice carry it, and a retry would
   * only repeat it. A metric or notice that cannot be published is a failure.
   */
  private ObjectNode heartbeat(String functionName, FunctionHome home, JsonLog log) {
    HeartbeatResult result = heartbeat.check(functionName, home.region());
    result.checks().forEach(check -> log.info("heartbeat-check", f -> put(f, check)));
    Outcome outcome = result.healthy() ? Outcome.HEALTHY : Outcome.UNHEALTHY;
    ObjectNode out =
        json.createObjectNode().put("outcome", outcome.name()).put("function", functionName);
    ArrayNode checks = out.putArray("checks");
    result.checks().forEach(check -> put(checks.addObject(), check));
    try {
      heartbeatMetric.get().publish(result, clock.instant());
    } catch (SdkException e) {
      log.error("heartbeat-metric-failed", f -> f.put("error", e.getMessage()));
      throw new KillSwitchFailure(
          "the heartbeat metric could not be published (" + outcome + "): " + e.getMessage(), e);
    }
    log.info("heartbeat", f -> f.put("outcome", outcome.name()).put("function", functionName));
    if (!result.healthy()) {
      out.put(
          "notice_message_id", publish(Notice.unhealthy(result), "an unhealthy heartbeat", log));
    }
    return out;
  }

  private ObjectNode result(Report report) {
    ObjectNode result =
        json.createObjectNode()
            .put("outcome", report.outcome().name())
            .put("alarm", report.event().alarmName())
            .put("dry_run", report.dryRun());
    report
        .user()
        .ifPresent(u -> result.put("user", u.username()).put("access_key_id", u.accessKeyId()));
    ArrayNode steps = result.putArray("steps");
    report.steps().forEach(step -> put(steps.addObject(), step));
    return result;
  }

  /** A step as the log line and the result both show it. */
  private static void put(ObjectNode node, StepResult step) {
    node.put("action", step.action())
        .put("target", step.target())
        .put("outcome", step.outcome().label())
        .put("detail", step.detail());
  }

  /** A heartbeat check as the log line and the result both show it. */
  private static void put(ObjectNode node, HealthCheck check) {
    node.put("check", check.name())
        .put("status", check.statusLabel())
        .put("detail", check.detail());
  }

  private static String alarmName(AlarmStateChangeEvent event) {
    return event.detail() == null ? null : event.detail().alarmName();
  }
}
