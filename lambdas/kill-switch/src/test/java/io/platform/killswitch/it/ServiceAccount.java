package io.platform.killswitch.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.emulator.AwsEndpoint;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.Emulators;
import io.platform.testkit.SqsQueues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the kill switch acts on, made in the emulator the way the kill-switch module and the
 * service's own stack would make it: an IAM user with two access keys, the secret naming the first,
 * the notice topic with an SQS queue subscribed (to read the notices back), and the Athena
 * workgroup. Assertions read state back through the same APIs.
 */
public final class ServiceAccount implements AutoCloseable {
  public static final String USER = "svc-openmetadata";
  public static final String SECRET_NAME = "platform/kill-switch/service-user";
  public static final String WORKGROUP = "openmetadata";
  public static final String ALARM = "platform-athena-processed-bytes-spike";
  public static final String DENY_POLICY = "platform-kill-switch-deny";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NOTICE_WAIT_SECONDS = "moto".equals(Emulators.selected()) ? 0 : 2;

  private final AwsEndpoint aws;
  private final IamClient iam;
  private final SecretsManagerClient secrets;
  private final SnsClient sns;
  private final SqsClient sqs;
  private final AthenaClient athena;
  private final CloudWatchClient cloudWatch;
  private final AccessKey configuredKey;
  private final AccessKey otherKey;
  private final String secretArn;
  private final String topicArn;
  private final String queueUrl;

  private ServiceAccount(AwsEndpoint aws) {
    this.aws = aws;
    this.iam = AwsSdk.client(IamClient.builder(), aws);
    this.secrets = AwsSdk.client(SecretsManagerClient.builder(), aws);
    this.sns = AwsSdk.client(SnsClient.builder(), aws);
    this.sqs = AwsSdk.client(SqsClient.builder(), aws);
    this.athena = AwsSdk.client(AthenaClient.builder(), aws);
    this.cloudWatch = AwsSdk.client(CloudWatchClient.builder(), aws);

    iam.createUser(b -> b.userName(USER));
    configuredKey = iam.createAccessKey(b -> b.userName(USER)).accessKey();
    otherKey = iam.createAccessKey(b -> b.userName(USER)).accessKey();
    // The service stores its whole key here; the kill switch must never repeat the secret part.
    secretArn =
        secrets
            .createSecret(
                b ->
                    b.name(SECRET_NAME)
                        .secretString(secretValue(USER, configuredKey.accessKeyId())))
            .arn();
    topicArn = sns.createTopic(b -> b.name("platform-kill-switch")).topicArn();
    queueUrl = sqs.createQueue(b -> b.queueName("kill-switch-notices")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    athena.createWorkGroup(b -> b.name(WORKGROUP));
  }

  public static ServiceAccount create(AwsEndpoint aws) {
    return new ServiceAccount(aws);
  }

  /** The secret as the service stores it: user, key id and (never to be logged) the key. */
  String secretValue(String username, String accessKeyId) {
    return "{\"username\":\""
        + username
        + "\",\"access_key_id\":\""
        + accessKeyId
        + "\",\"secret_access_key\":\""
        + configuredKey.secretAccessKey()
        + "\"}";
  }

  /** The function's environment as the kill-switch module sets it, pointed at the emulator. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>(aws.environment());
    env.put("SECRET_ID", secretArn);
    env.put("ALARM_NAMES", ALARM + ",platform-athena-failed-queries");
    env.put("ALARM_NAME_PREFIX", "platform-athena-processed-bytes-");
    env.put("SNS_TOPIC_ARN", topicArn);
    env.put("ATHENA_WORKGROUP", WORKGROUP);
    env.put("USER_ARN", "arn:aws:iam::" + aws.accountId() + ":user/" + USER);
    env.put("FUNCTION_ROLE_ARN", "arn:aws:iam::" + aws.accountId() + ":role/kill-switch-function");
    return env;
  }

  public void putSecret(String value) {
    secrets.putSecretValue(b -> b.secretId(secretArn).secretString(value));
  }

  public String configuredKeyId() {
    return configuredKey.accessKeyId();
  }

  public String otherKeyId() {
    return otherKey.accessKeyId();
  }

  /** Secret access keys of both keys: none may appear in any log line, result or notice. */
  public List<String> secretAccessKeys() {
    return List.of(configuredKey.secretAccessKey(), otherKey.secretAccessKey());
  }

  public String secretArn() {
    return secretArn;
  }

  public String topicArn() {
    return topicArn;
  }

  public StatusType keyStatus(String accessKeyId) {
    return iam.listAccessKeys(b -> b.userName(USER)).accessKeyMetadata().stream()
        .filter(k -> k.accessKeyId().equals(accessKeyId))
        .findFirst()
        .orElseThrow()
        .status();
  }

  public void deleteSecret() {
    secrets.deleteSecret(b -> b.secretId(secretArn).forceDeleteWithoutRecovery(true));
  }

  public void deactivate(String accessKeyId) {
    iam.updateAccessKey(b -> b.userName(USER).accessKeyId(accessKeyId).status(StatusType.INACTIVE));
  }

  /** The values of the heartbeat metric of {@code functionName} in the last ten minutes. */
  public List<Double> heartbeats(String functionName) {
    return metric(
        "Heartbeat", Dimension.builder().name("FunctionName").value(functionName).build());
  }

  /**
   * The failure metric of {@code functionName}'s heartbeat for one check, in the last ten minutes.
   */
  public List<Double> heartbeatFailures(String functionName, String check) {
    return metric(
        "HeartbeatFailure",
        Dimension.builder().name("FunctionName").value(functionName).build(),
        Dimension.builder().name("Check").value(check).build());
  }

  private List<Double> metric(String name, Dimension... dimensions) {
    Instant now = Instant.now();
    return cloudWatch
        .getMetricStatistics(
            b ->
                b.namespace("Platform/KillSwitch")
                    .metricName(name)
                    .dimensions(dimensions)
                    .startTime(now.minusSeconds(600))
                    .endTime(now.plusSeconds(60))
                    .period(60)
                    .statistics(Statistic.MAXIMUM))
        .datapoints()
        .stream()
        .map(Datapoint::maximum)
        .toList();
  }

  /** Leaves the user without access keys (the secret still names the first). */
  public void deleteAccessKeys() {
    for (String id : List.of(configuredKey.accessKeyId(), otherKey.accessKeyId())) {
      iam.deleteAccessKey(b -> b.userName(USER).accessKeyId(id));
    }
  }

  /** The user's deny policy document as JSON, if attached. */
  public Optional<JsonNode> denyPolicy() {
    try {
      String document =
          iam.getUserPolicy(b -> b.userName(USER).policyName(DENY_POLICY)).policyDocument();
      String text =
          document.startsWith("%") ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
      return Optional.of(JSON.readTree(text));
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> userPolicies() {
    return iam.listUserPolicies(b -> b.userName(USER)).policyNames();
  }

  public void putUserPolicy(String name, String document) {
    iam.putUserPolicy(b -> b.userName(USER).policyName(name).policyDocument(document));
  }

  /** Starts a query in the workgroup; returns its execution id. */
  public String startQuery(String sql) {
    return athena
        .startQueryExecution(b -> b.queryString(sql).workGroup(WORKGROUP))
        .queryExecutionId();
  }

  public String queryState(String executionId) {
    return athena
        .getQueryExecution(b -> b.queryExecutionId(executionId))
        .queryExecution()
        .status()
        .stateAsString();
  }

  /**
   * The notices published so far (subject, message), read from the subscribed queue. moto delivers
   * to SQS within the publish call, so receiving without a wait sees them all; LocalStack delivers
   * a moment later.
   */
  public List<Notice> notices() {
    List<Notice> notices = new ArrayList<>();
    for (String body : SqsQueues.drain(sqs, queueUrl, NOTICE_WAIT_SECONDS)) {
      try {
        JsonNode envelope = JSON.readTree(body);
        notices.add(
            new Notice(envelope.path("Subject").asText(), envelope.path("Message").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return notices;
  }

  /** One notice as it arrived through SNS. */
  public record Notice(String subject, String message) {}

  @Override
  public void close() {
    iam.close();
    secrets.close();
    sns.close();
    sqs.close();
    athena.close();
    cloudWatch.close();
  }
}
