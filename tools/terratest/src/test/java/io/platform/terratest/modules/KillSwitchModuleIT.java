package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The kill-switch module's complete example, applied once: it converges, and its function acts on
 * exactly its own resources with least privilege. The rule's event pattern, as the module applied
 * it (read back with DescribeRule), is checked against the documented "CloudWatch Alarm State
 * Change" events in {@code src/test/resources/kill-switch-events} on an {@link EventPatternProbe}:
 * it matches the ALARM transition of each of the three trigger alarms and nothing else. Destroyed
 * at the end.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchModuleIT {
  private static final String NAME = "kill-switch-it";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsEndpoint aws;
  private Terratest killSwitch;
  private EventBridgeClient events;
  private SqsClient sqs;
  private List<String> alarmNames;
  private EventPatternProbe probe;

  @BeforeAll
  void applyTheExampleAndCopyItsPatternToAProbe(AwsEndpoint endpoint, @TempDir Path temp) {
    aws = endpoint;
    events = AwsSdk.client(EventBridgeClient.builder(), aws);
    sqs = AwsSdk.client(SqsClient.builder(), aws);
    killSwitch = KillSwitchExample.of(temp, aws, NAME);
    killSwitch.applyAndIdempotent();
    alarmNames = killSwitch.outputList("alarm_names");
    String pattern =
        events.describeRule(b -> b.name(killSwitch.output("event_rule_name"))).eventPattern();
    probe = EventPatternProbe.create(events, sqs, NAME + "-probe", pattern);
  }

  @AfterAll
  void removeTheProbeAndDestroy() {
    try {
      try {
        if (probe != null) {
          probe.close();
        }
      } finally {
        // Closed whatever the probe's removal does, as try-with-resources would.
        try {
          events.close();
        } finally {
          sqs.close();
        }
      }
    } finally {
      if (killSwitch != null) {
        killSwitch.close(); // destroys what was applied
        try (LambdaClient lambda = AwsSdk.client(LambdaClient.builder(), aws)) {
          assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName(NAME)))
              .isInstanceOf(ResourceNotFoundException.class);
        }
      }
    }
  }

  @Test
  void alarmsRuleAndLeastPrivilegeFunctionConverge() {
    try (CloudWatchClient cloudWatch = AwsSdk.client(CloudWatchClient.builder(), aws);
        LambdaClient lambda = AwsSdk.client(LambdaClient.builder(), aws);
        IamClient iam = AwsSdk.client(IamClient.builder(), aws);
        SecretsManagerClient secrets = AwsSdk.client(SecretsManagerClient.builder(), aws);
        SnsClient sns = AwsSdk.client(SnsClient.builder(), aws);
        CloudWatchLogsClient logs = AwsSdk.client(CloudWatchLogsClient.builder(), aws)) {
      String workgroup = killSwitch.output("workgroup_name");
      String topic = killSwitch.output("sns_topic_arn");
      String deadLetters = killSwitch.output("dead_letter_queue_arn");
      String secret = killSwitch.output("secret_arn");
      String kmsKey = killSwitch.output("kms_key_arn");
      String user = killSwitch.output("user_arn");

      // The three trigger alarms watch the workgroup's Athena metrics with the example's values.
      Map<String, MetricAlarm> alarms = new LinkedHashMap<>();
      cloudWatch
          .describeAlarms(b -> b.alarmNames(alarmNames))
          .metricAlarms()
          .forEach(a -> alarms.put(a.alarmName(), a));
      assertThat(alarms)
          .containsOnlyKeys(
              NAME + "-scan-spike", NAME + "-scan-sustained", NAME + "-failed-queries");
      assertAlarm(
          alarms.get(NAME + "-scan-spike"), "ProcessedBytes", "SUCCEEDED", 60, 1, 10737418240.0);
      // Given as $0.25 at $5/TB: the bytes that cost at most that.
      assertAlarm(
          alarms.get(NAME + "-scan-sustained"),
          "ProcessedBytes",
          "SUCCEEDED",
          300,
          3,
          50_000_000_000.0);
      assertThat(alarms.get(NAME + "-scan-sustained").alarmDescription())
          .contains("50000000000 bytes ($0.25 at $5/TB) per 300 s");
      assertThat(alarms.get(NAME + "-scan-spike").alarmDescription())
          .contains("10737418240 bytes ($0.06 at $5/TB)");
      JsonNode thresholds = killSwitch.outputs().path("scan_thresholds").path("value");
      assertThat(thresholds.at("/scan-sustained/usd").asText()).isEqualTo("$0.25");
      assertThat(thresholds.at("/scan-sustained/bytes").asLong()).isEqualTo(50_000_000_000L);
      assertAlarm(
          alarms.get(NAME + "-failed-queries"), "TotalExecutionTime", "FAILED", 300, 1, 10.0);
      alarms
          .values()
          .forEach(
              alarm -> {
                assertThat(dimensions(alarm))
                    .containsEntry("WorkGroup", workgroup)
                    .containsEntry("QueryType", "DML");
                assertThat(alarm.alarmActions()).containsExactly(topic);
              });

      // Its own health reaches people too.
      assertThat(
              cloudWatch
                  .describeAlarms(
                      b -> b.alarmNames(NAME + "-function-errors", NAME + "-dead-letters"))
                  .metricAlarms())
          .hasSize(2)
          .allSatisfy(a -> assertThat(a.alarmActions()).containsExactly(topic));

      // The rule matches exactly these alarms' ALARM transitions and delivers to the function.
      String rule = killSwitch.output("event_rule_name");
      JsonNode pattern = Json.read(events.describeRule(b -> b.name(rule)).eventPattern());
      assertThat(Json.texts(pattern.path("source"))).containsExactly("aws.cloudwatch");
      assertThat(Json.texts(pattern.path("detail-type")))
          .containsExactly("CloudWatch Alarm State Change");
      assertThat(Json.texts(pattern.at("/detail/alarmName")))
          .containsExactlyInAnyOrderElementsOf(alarmNames);
      assertThat(Json.texts(pattern.at("/detail/state/value"))).containsExactly("ALARM");

      FunctionConfiguration function =
          lambda
              .getFunction(b -> b.functionName(killSwitch.output("function_name")))
              .configuration();
      Target target = events.listTargetsByRule(b -> b.rule(rule)).targets().get(0);
      assertThat(target.arn()).isEqualTo(function.functionArn());
      assertThat(target.deadLetterConfig().arn()).isEqualTo(deadLetters);
      assertThat(target.retryPolicy().maximumRetryAttempts()).isEqualTo(8);

      assertThat(function.runtime()).isEqualTo(Runtime.JAVA21);
      assertThat(function.handler())
          .isEqualTo("io.platform.killswitch.KillSwitchHandler::handleRequest");
      assertThat(function.architectures()).containsExactly(Architecture.ARM64);
      assertThat(function.environment().variables())
          .containsEntry("SECRET_ID", secret)
          .containsEntry("ALARM_NAMES", String.join(",", alarmNames))
          .containsEntry("SNS_TOPIC_ARN", topic)
          .containsEntry("REVOKE_SCOPE", "configured-key")
          .containsEntry("ATTACH_DENY_POLICY", "true")
          .containsEntry("STOP_QUERIES", "true")
          .containsEntry("ATHENA_WORKGROUP", workgroup)
          .containsEntry("DRY_RUN", "false")
          .containsEntry("USER_ARN", user)
          .containsEntry("FUNCTION_ROLE_ARN", function.role())
          .containsEntry("CHECK_PERMISSIONS", "true")
          .containsEntry("PRICE_PER_TB_USD", "5");
      assertThat(
              lambda
                  .getFunctionConcurrency(b -> b.functionName(function.functionName()))
                  .reservedConcurrentExecutions())
          .isEqualTo(2);

      GetFunctionEventInvokeConfigResponse invoke =
          lambda.getFunctionEventInvokeConfig(b -> b.functionName(function.functionName()));
      assertThat(invoke.destinationConfig().onFailure().destination()).isEqualTo(deadLetters);
      assertThat(invoke.maximumRetryAttempts()).isEqualTo(2);

      // The role may act on the one user, secret, topic, queue, key, log group and workgroup.
      String roleName = function.role().substring(function.role().lastIndexOf('/') + 1);
      JsonNode policy = rolePolicy(iam, roleName);
      Map<String, List<String>> resources = resourcesBySid(policy);
      assertThat(resources)
          .containsEntry("RevokeTheOneUser", List.of(user))
          .containsEntry("ReadTheTargetSecret", List.of(secret))
          .containsEntry("Notify", List.of(topic))
          .containsEntry("DeadLetterFailedInvocations", List.of(deadLetters))
          .containsEntry("UseTheKeyThroughItsServices", List.of(kmsKey))
          .containsEntry(
              "ReadTheWorkgroupsQueries",
              List.of("arn:aws:athena:us-east-1:" + aws.accountId() + ":workgroup/" + workgroup))
          .containsEntry(
              "StopTheWorkgroupsQueries",
              List.of("arn:aws:athena:us-east-1:" + aws.accountId() + ":workgroup/" + workgroup))
          .containsEntry("SimulateItsOwnPermissions", List.of(function.role()))
          .containsEntry("PublishItsHeartbeat", List.of("*"));
      // PutMetricData has no resource ARN: the namespace condition is what bounds it.
      assertThat(
              statement(policy, "PublishItsHeartbeat")
                  .at("/Condition/StringEquals/cloudwatch:namespace")
                  .asText())
          .isEqualTo("Platform/KillSwitch");
      resources.forEach(
          (sid, r) -> {
            if (!sid.equals("PublishItsHeartbeat")) {
              assertThat(r).as(sid).doesNotContain("*");
            }
          });
      // On the user, exactly the calls the function makes: it revokes and reads its deny policy
      // back.
      assertThat(statement(policy, "RevokeTheOneUser").path("Action"))
          .extracting(JsonNode::asText)
          .containsExactlyInAnyOrder(
              "iam:ListAccessKeys",
              "iam:UpdateAccessKey",
              "iam:GetUserPolicy",
              "iam:PutUserPolicy");
      assertThat(function.environment().variables())
          .containsEntry(
              "JAVA_TOOL_OPTIONS",
              "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

      // The secret names the user and key id, under the module's key; so do topic and queue.
      assertThat(secrets.describeSecret(b -> b.secretId(secret)).kmsKeyId()).isEqualTo(kmsKey);
      JsonNode targetSecret =
          Json.read(secrets.getSecretValue(b -> b.secretId(secret)).secretString());
      assertThat(targetSecret.path("username").asText()).isEqualTo(NAME + "-openmetadata");
      assertThat(targetSecret.path("access_key_id").asText())
          .isEqualTo(KillSwitchExample.ACCESS_KEY_ID);
      assertThat(targetSecret.has("secret_access_key")).isFalse();

      assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
          .containsEntry("KmsMasterKeyId", kmsKey);
      assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
          .singleElement()
          .satisfies(s -> assertThat(s.endpoint()).isEqualTo(KillSwitchExample.EMAIL));
      assertThat(
              sqs.getQueueAttributes(
                      b ->
                          b.queueUrl(killSwitch.output("dead_letter_queue_url"))
                              .attributeNames(QueueAttributeName.KMS_MASTER_KEY_ID))
                  .attributes())
          .containsEntry(QueueAttributeName.KMS_MASTER_KEY_ID, kmsKey);

      LogGroup logGroup =
          logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/" + NAME))
              .logGroups()
              .get(0);
      assertThat(logGroup.retentionInDays()).isEqualTo(7);
      assertThat(logGroup.kmsKeyId()).isEqualTo(kmsKey);
    }
  }

  @Test
  void theScheduleSendsAHeartbeatThatThePackagedFunctionRunsAndItsAlarmsWatchTheMetricItPublishes(
      @TempDir Path temp) throws Exception {
    try (CloudWatchClient cloudWatch = AwsSdk.client(CloudWatchClient.builder(), aws);
        LambdaClient lambda = AwsSdk.client(LambdaClient.builder(), aws);
        IamClient iam = AwsSdk.client(IamClient.builder(), aws);
        SecretsManagerClient secrets = AwsSdk.client(SecretsManagerClient.builder(), aws)) {
      String rule = killSwitch.output("heartbeat_rule_name");
      assertThat(events.describeRule(b -> b.name(rule)).scheduleExpression())
          .isEqualTo("rate(24 hours)");
      Target target = events.listTargetsByRule(b -> b.rule(rule)).targets().get(0);
      FunctionConfiguration function =
          lambda
              .getFunction(b -> b.functionName(killSwitch.output("function_name")))
              .configuration();
      assertThat(target.arn()).isEqualTo(function.functionArn());

      // The operator's step (README): the secret names a key the user really has.
      String userName =
          killSwitch
              .output("user_arn")
              .substring(killSwitch.output("user_arn").lastIndexOf('/') + 1);
      String keyId = iam.createAccessKey(b -> b.userName(userName)).accessKey().accessKeyId();
      secrets.putSecretValue(
          b ->
              b.secretId(killSwitch.output("secret_arn"))
                  .secretString(
                      "{\"username\":\"" + userName + "\",\"access_key_id\":\"" + keyId + "\"}"));

      // The rule's input, run by the packaged handler with the function's environment as Lambda
      // sets it; moto cannot simulate policies, so that one check is off (docs/emulator-gaps.md).
      Path event = Files.writeString(temp.resolve("heartbeat.json"), target.input());
      Map<String, String> env = new LinkedHashMap<>(function.environment().variables());
      env.putAll(aws.environment());
      env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
      env.put("CHECK_PERMISSIONS", "false");
      JsonNode result = runPackagedHandler(event, env, temp);

      assertThat(result.path("outcome").asText()).as("%s", result).isEqualTo("HEALTHY");
      assertThat(iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata())
          .allSatisfy(k -> assertThat(k.statusAsString()).isEqualTo("Active"));

      Map<String, MetricAlarm> alarms = new LinkedHashMap<>();
      cloudWatch
          .describeAlarms(b -> b.alarmNames(killSwitch.outputList("heartbeat_alarm_names")))
          .metricAlarms()
          .forEach(a -> alarms.put(a.alarmName(), a));
      assertThat(alarms)
          .containsOnlyKeys(NAME + "-heartbeat-missing", NAME + "-heartbeat-unhealthy");
      MetricAlarm missing = alarms.get(NAME + "-heartbeat-missing");
      assertThat(missing.period()).isEqualTo(3600);
      assertThat(missing.evaluationPeriods()).isEqualTo(25);
      assertThat(missing.datapointsToAlarm()).isEqualTo(25);
      assertThat(missing.treatMissingData()).isEqualTo("breaching");
      assertThat(missing.threshold()).isEqualTo(1.0);
      assertThat(alarms.get(NAME + "-heartbeat-unhealthy").treatMissingData())
          .isEqualTo("notBreaching");
      // Each alarm watches exactly the metric the function published.
      for (MetricAlarm alarm : alarms.values()) {
        assertThat(alarm.alarmActions()).containsExactly(killSwitch.output("sns_topic_arn"));
        List<Double> published =
            cloudWatch
                .getMetricStatistics(
                    b ->
                        b.namespace(alarm.namespace())
                            .metricName(alarm.metricName())
                            .dimensions(alarm.dimensions())
                            .startTime(Instant.now().minusSeconds(600))
                            .endTime(Instant.now().plusSeconds(60))
                            .period(60)
                            .statistics(Statistic.MAXIMUM))
                .datapoints()
                .stream()
                .map(Datapoint::maximum)
                .toList();
        assertThat(published).as(alarm.alarmName()).containsExactly(1.0);
      }
    }
  }

  /** The packaged handler once, in a fresh JVM with only {@code env}: its JSON result. */
  private static JsonNode runPackagedHandler(Path event, Map<String, String> env, Path temp)
      throws Exception {
    Path jar = Repo.root().resolve("lambdas/kill-switch/target/kill-switch.jar");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            event.toString());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Path out = temp.resolve("stdout");
    Path err = temp.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the packaged handler finishes").isTrue();
    assertThat(process.exitValue()).as("stderr: %s", Files.readString(err)).isZero();
    return JSON.readTree(Files.readString(out));
  }

  @Test
  void aPlanShowsEachScanThresholdInBytesAndDollars() {
    JsonNode thresholds = killSwitch.planJson().at("/planned_values/outputs/scan_thresholds/value");

    assertThat(thresholds.at("/scan-sustained/bytes").asLong()).isEqualTo(50_000_000_000L);
    assertThat(thresholds.at("/scan-sustained/usd").asText()).isEqualTo("$0.25");
    assertThat(thresholds.at("/scan-spike/bytes").asLong()).isEqualTo(10_737_418_240L);
    assertThat(thresholds.at("/scan-spike/usd").asText()).isEqualTo("$0.06");
  }

  @Test
  void eachTriggerAlarmsAlarmTransitionIsDelivered() {
    List<ObjectNode> sent = new ArrayList<>();
    for (String alarm : alarmNames) {
      sent.add(event("alarm.json", alarm));
    }

    assertThat(probe.deliveredAlarmNames(sent)).containsExactlyInAnyOrderElementsOf(alarmNames);
  }

  @Test
  void okAndInsufficientDataTransitionsAreNotDelivered() {
    List<ObjectNode> sent = new ArrayList<>();
    for (String alarm : alarmNames) {
      sent.add(event("ok.json", alarm));
      sent.add(event("insufficient-data.json", alarm));
    }

    assertThat(probe.deliveredAlarmNames(sent)).isEmpty();
  }

  @Test
  void otherAlarmsInAlarmAreNotDelivered() {
    List<ObjectNode> sent =
        List.of(
            // The kill switch's own health alarm, a look-alike name, another team's alarm.
            event("alarm.json", NAME + "-function-errors"),
            event("alarm.json", alarmNames.get(0) + "-copy"),
            event("alarm.json", "analytics-scan-spike"));

    assertThat(probe.deliveredAlarmNames(sent)).isEmpty();
  }

  @Test
  void anAlarmEventFromAnotherSourceIsNotDelivered() {
    ObjectNode forged = event("alarm.json", alarmNames.get(0));
    forged.put("source", "custom.cloudwatch");

    assertThat(probe.deliveredAlarmNames(List.of(forged))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "spike_scan_alarm = { period = 30 } | spike_scan_alarm.period must be at least 60 seconds and a multiple of 60",
        "spike_scan_alarm = { period = 90 } | spike_scan_alarm.period must be at least 60 seconds and a multiple of 60",
        "sustained_scan_alarm = { threshold_bytes = 1000, threshold_usd = 5 } | sustained_scan_alarm takes threshold_bytes or threshold_usd, not both",
        "spike_scan_alarm = { threshold_usd = -1 } | spike_scan_alarm.threshold_bytes and threshold_usd must be positive",
        "price_per_tb_usd = 0 | price_per_tb_usd must be positive",
        "heartbeat = { interval_hours = 168 } | a CloudWatch alarm looks back at most 7 days",
        "heartbeat = { interval_hours = 1.5 } | must be whole numbers of hours",
      })
  void aWrongInputIsRefusedWithItsReason(String input, String reason, @TempDir Path temp) {
    String error =
        ModuleInputs.refusal(
            temp,
            aws,
            "kill-switch",
            """
              name             = "kill-switch-refused"
              workgroup_name   = "openmetadata"
              user_arn         = "arn:aws:iam::123456789012:user/openmetadata"
              jar_path         = "kill-switch.jar"
              %s
            """
                .formatted(input));

    assertThat(error).contains(reason);
  }

  /** A documented event fixture, for the given alarm. */
  private static ObjectNode event(String fixture, String alarmName) {
    try (InputStream in =
        KillSwitchModuleIT.class.getResourceAsStream("/kill-switch-events/" + fixture)) {
      ObjectNode event = (ObjectNode) JSON.readTree(in);
      ((ObjectNode) event.path("detail")).put("alarmName", alarmName);
      event
          .putArray("resources")
          .add("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarmName);
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + fixture, e);
    }
  }

  private static void assertAlarm(
      MetricAlarm alarm,
      String metric,
      String queryState,
      int period,
      int evaluationPeriods,
      double threshold) {
    assertThat(alarm.namespace()).as(alarm.alarmName()).isEqualTo("AWS/Athena");
    assertThat(alarm.metricName()).as(alarm.alarmName()).isEqualTo(metric);
    assertThat(dimensions(alarm)).as(alarm.alarmName()).containsEntry("QueryState", queryState);
    assertThat(alarm.period()).as(alarm.alarmName()).isEqualTo(period);
    assertThat(alarm.evaluationPeriods()).as(alarm.alarmName()).isEqualTo(evaluationPeriods);
    assertThat(alarm.threshold()).as(alarm.alarmName()).isEqualTo(threshold);
  }

  private static Map<String, String> dimensions(MetricAlarm alarm) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (Dimension d : alarm.dimensions()) {
      dimensions.put(d.name(), d.value());
    }
    return dimensions;
  }

  /** The inline policy's statements: Sid to resources. */
  private static Map<String, List<String>> resourcesBySid(JsonNode policy) {
    Map<String, List<String>> bySid = new LinkedHashMap<>();
    for (JsonNode statement : policy.path("Statement")) {
      bySid.put(statement.path("Sid").asText(), Json.texts(statement.path("Resource")));
    }
    return bySid;
  }

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode statement : policy.path("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid + " in the role's policy");
  }

  /** The function role's inline policy document. */
  private static JsonNode rolePolicy(IamClient iam, String roleName) {
    String document =
        iam.getRolePolicy(b -> b.roleName(roleName).policyName("kill-switch")).policyDocument();
    return Json.read(URLDecoder.decode(document, StandardCharsets.UTF_8));
  }
}
