package io.platform.killswitch.notice;

import software.amazon.awssdk.services.sns.SnsClient;

/** Publishes a {@link Notice} to the kill switch's topic. */
public final class NoticePublisher {
  private final SnsClient sns;
  private final String topicArn;

  public NoticePublisher(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  /** Returns the SNS message id. */
  public String publish(Notice notice) {
    return sns.publish(
            b -> b.topicArn(topicArn).subject(notice.subject()).message(notice.message()))
        .messageId();
  }
}
