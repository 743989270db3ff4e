package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.testkit.SqsQueues;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An event pattern, byte for byte, on the one rule of a probe event bus that delivers to an SQS
 * queue: what reaches the queue is what the pattern matched. moto 5.2.1 does not implement
 * TestEventPattern, and a match on a rule whose target is a Lambda function would make moto try to
 * invoke it, which it cannot without Docker (docs/emulator-gaps.md).
 */
final class EventPatternProbe implements AutoCloseable {
  private final EventBridgeClient events;
  private final SqsClient sqs;
  private final String name;
  private final String queueUrl;

  private EventPatternProbe(EventBridgeClient events, SqsClient sqs, String name, String queueUrl) {
    this.events = events;
    this.sqs = sqs;
    this.name = name;
    this.queueUrl = queueUrl;
  }

  /** Creates queue, bus, rule and target, all named {@code name}. */
  static EventPatternProbe create(
      EventBridgeClient events, SqsClient sqs, String name, String pattern) {
    String queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    events.createEventBus(b -> b.name(name));
    events.putRule(b -> b.name(name).eventBusName(name).eventPattern(pattern));
    events.putTargets(
        b ->
            b.rule(name)
                .eventBusName(name)
                .targets(Target.builder().id("queue").arn(queueArn).build()));
    return new EventPatternProbe(events, sqs, name, queueUrl);
  }

  /** Puts the events on the probe bus and returns the alarm names of those that arrived. */
  List<String> deliveredAlarmNames(List<ObjectNode> sent) {
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (ObjectNode event : sent) {
      entries.add(
          PutEventsRequestEntry.builder()
              .eventBusName(name)
              .source(event.path("source").asText())
              .detailType(event.path("detail-type").asText())
              .resources(Json.texts(event.path("resources")))
              .detail(event.path("detail").toString())
              .build());
    }
    PutEventsResponse put = events.putEvents(b -> b.entries(entries));
    assertThat(put.failedEntryCount()).as("entries refused by PutEvents").isZero();

    return SqsQueues.drain(sqs, queueUrl, 1).stream()
        .map(body -> Json.read(body).at("/detail/alarmName").asText())
        .toList();
  }

  /** Removes what {@link #create} made, rule and bus before the queue they deliver to. */
  @Override
  public void close() {
    events.removeTargets(b -> b.rule(name).eventBusName(name).ids("queue"));
    events.deleteRule(b -> b.name(name).eventBusName(name));
    events.deleteEventBus(b -> b.name(name));
    sqs.deleteQueue(b -> b.queueUrl(queueUrl));
  }
}
