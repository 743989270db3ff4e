package io.platform.killswitch.heartbeat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Publishes a heartbeat's result: {@code Heartbeat} 1 (healthy) or 0, and {@code HeartbeatFailure}
 * 1 for each failed check under its name. The names are a contract with the kill-switch module's
 * heartbeat alarms.
 */
public final class HeartbeatMetric {
  public static final String NAMESPACE = "Platform/KillSwitch";
  public static final String HEARTBEAT = "Heartbeat";
  public static final String FAILURE = "HeartbeatFailure";
  public static final String FUNCTION_NAME = "FunctionName";
  public static final String CHECK = "Check";

  private final CloudWatchClient cloudWatch;

  public HeartbeatMetric(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  public void publish(HeartbeatResult result, Instant at) {
    Dimension function =
        Dimension.builder().name(FUNCTION_NAME).value(result.functionName()).build();
    List<MetricDatum> data = new ArrayList<>();
    data.add(datum(HEARTBEAT, result.healthy() ? 1 : 0, at, function));
    for (HealthCheck failure : result.failures()) {
      data.add(
          datum(
              FAILURE,
              1,
              at,
              function,
              Dimension.builder().name(CHECK).value(failure.name()).build()));
    }
    cloudWatch.putMetricData(b -> b.namespace(NAMESPACE).metricData(data));
  }

  private static MetricDatum datum(String name, double value, Instant at, Dimension... dimensions) {
    return MetricDatum.builder()
        .metricName(name)
        .value(value)
        .unit(StandardUnit.COUNT)
        .timestamp(at)
        .dimensions(dimensions)
        .build();
  }
}
