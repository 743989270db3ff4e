package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.AwsSdk;
import io.platform.terratest.Terratest;
import io.platform.terratest.WithEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The kill-switch rule's event pattern, as the module applied it (read back with DescribeRule),
 * against the documented "CloudWatch Alarm State Change" events in
 * {@code src/test/resources/kill-switch-events}: it matches the ALARM transition of each of the
 * three trigger alarms and nothing else.
 *
 * <p>moto 5.2.1 does not implement TestEventPattern, and a matching event on the module's own
 * rule would make moto try to invoke the Lambda target, which it cannot without Docker
 * (docs/emulator-gaps.md). So the pattern is put, byte for byte, on a rule of a probe event
 * bus with an SQS target; what reaches the queue is what the rule matched.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchEventPatternIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "kill-switch-pattern-it";
  private static final String PROBE = NAME + "-probe";

  private Terratest killSwitch;
  private EventBridgeClient events;
  private SqsClient sqs;
  private List<String> alarmNames;
  private String probeQueueUrl;
  private boolean probeBus;

  @BeforeAll
  void applyTheModuleAndCopyItsPatternToAProbeBus(AwsEndpoint aws, @TempDir Path temp) {
    events = AwsSdk.client(EventBridgeClient.builder(), aws);
    sqs = AwsSdk.client(SqsClient.builder(), aws);
    killSwitch = KillSwitchExample.of(temp, aws, NAME).initAndApply();
    alarmNames = killSwitch.outputList("alarm_names");

    String pattern = events.describeRule(b -> b.name(killSwitch.output("event_rule_name"))).eventPattern();

    probeQueueUrl = sqs.createQueue(b -> b.queueName(PROBE)).queueUrl();
    String probeQueueArn =
        sqs.getQueueAttributes(b -> b.queueUrl(probeQueueUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    events.createEventBus(b -> b.name(PROBE));
    probeBus = true;
    events.putRule(b -> b.name(PROBE).eventBusName(PROBE).eventPattern(pattern));
    events.putTargets(b -> b.rule(PROBE).eventBusName(PROBE).targets(t -> t.id("queue").arn(probeQueueArn)));
  }

  @AfterAll
  void removeTheProbeAndDestroy() {
    try (EventBridgeClient eventBridge = events;
        SqsClient queues = sqs;
        Terratest module = killSwitch) {
      if (probeBus) {
        events.removeTargets(b -> b.rule(PROBE).eventBusName(PROBE).ids("queue"));
        events.deleteRule(b -> b.name(PROBE).eventBusName(PROBE));
        events.deleteEventBus(b -> b.name(PROBE));
      }
      if (probeQueueUrl != null) {
        sqs.deleteQueue(b -> b.queueUrl(probeQueueUrl));
      }
    }
  }

  @Test
  void eachTriggerAlarmsAlarmTransitionIsDelivered() {
    List<ObjectNode> sent = new ArrayList<>();
    for (String alarm : alarmNames) {
      sent.add(event("alarm.json", alarm));
    }

    assertThat(deliveredAlarmNames(sent)).containsExactlyInAnyOrderElementsOf(alarmNames);
  }

  @Test
  void okAndInsufficientDataTransitionsAreNotDelivered() {
    List<ObjectNode> sent = new ArrayList<>();
    for (String alarm : alarmNames) {
      sent.add(event("ok.json", alarm));
      sent.add(event("insufficient-data.json", alarm));
    }

    assertThat(deliveredAlarmNames(sent)).isEmpty();
  }

  @Test
  void otherAlarmsInAlarmAreNotDelivered() {
    List<ObjectNode> sent =
        List.of(
            // The kill switch's own health alarm, a look-alike name, another team's alarm.
            event("alarm.json", NAME + "-function-errors"),
            event("alarm.json", alarmNames.get(0) + "-copy"),
            event("alarm.json", "analytics-scan-spike"));

    assertThat(deliveredAlarmNames(sent)).isEmpty();
  }

  @Test
  void anAlarmEventFromAnotherSourceIsNotDelivered() {
    ObjectNode forged = event("alarm.json", alarmNames.get(0));
    forged.put("source", "custom.cloudwatch");

    assertThat(deliveredAlarmNames(List.of(forged))).isEmpty();
  }

  /** Puts the events on the probe bus and returns the alarm names of those that arrived. */
  private List<String> deliveredAlarmNames(List<ObjectNode> sent) {
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (ObjectNode event : sent) {
      entries.add(
          PutEventsRequestEntry.builder()
              .eventBusName(PROBE)
              .source(event.path("source").asText())
              .detailType(event.path("detail-type").asText())
              .resources(Json.texts(event.path("resources")))
              .detail(event.path("detail").toString())
              .build());
    }
    PutEventsResponse put = events.putEvents(b -> b.entries(entries));
    assertThat(put.failedEntryCount()).as("entries refused by PutEvents").isZero();

    List<String> delivered = new ArrayList<>();
    List<Message> batch;
    do {
      batch = sqs.receiveMessage(b -> b.queueUrl(probeQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
      for (Message message : batch) {
        delivered.add(Json.read(message.body()).at("/detail/alarmName").asText());
        sqs.deleteMessage(b -> b.queueUrl(probeQueueUrl).receiptHandle(message.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return delivered;
  }

  /** A documented event fixture, for the given alarm. */
  private static ObjectNode event(String fixture, String alarmName) {
    try (InputStream in = KillSwitchEventPatternIT.class.getResourceAsStream("/kill-switch-events/" + fixture)) {
      ObjectNode event = (ObjectNode) JSON.readTree(in);
      ((ObjectNode) event.path("detail")).put("alarmName", alarmName);
      event.putArray("resources").add("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarmName);
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + fixture, e);
    }
  }
}
