package io.platform.testkit;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads what tests had delivered to an SQS queue. */
public final class SqsQueues {
  private SqsQueues() {}

  /**
   * Every message body on the queue, each deleted once read, until a receive comes back empty after
   * waiting up to {@code waitSeconds} (0: the emulator delivered before answering).
   */
  public static List<String> drain(SqsClient sqs, String queueUrl, int waitSeconds) {
    List<String> bodies = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(
                  b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
              .messages();
      for (Message message : batch) {
        bodies.add(message.body());
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
      }
    } while (!batch.isEmpty());
    return bodies;
  }
}
