package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.ScriptSandbox;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The connectors' readiness script, rendered by Terraform from the module's template and run with
 * the real {@code curl} against a local server answering {@code /ready} the way cloudflared's
 * metrics server does, and the real AWS CLI against the emulator's CloudWatch: what a ready
 * connector, a connector the edge dropped and a connector whose cloudflared is not running publish.
 */
@WithEmulator
class CloudflaredReadinessIT {
  static final String TEMPLATE = "modules/cloudflared-ec2/templates/readiness.sh.tftpl";
  static final String NAMESPACE = "Platform/CloudflareTunnel";
  static final String GROUP = "platform-local-cloudflared";
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static Path script;

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    script =
        ModuleTemplates.render(
            dir,
            TEMPLATE,
            Map.of(
                "metrics_address", "127.0.0.1:20241",
                "namespace", NAMESPACE,
                "group_name", GROUP),
            "readiness.sh");
  }

  @Test
  void publishesEachConnectorsConnectionsAndWhetherItIsReady(@TempDir Path dir, AwsEndpoint aws)
      throws IOException {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    // Connected: 200 and four connections to two data centres, as cloudflared reports them.
    ScriptSandbox.Run ready =
        runAgainst(
            dir.resolve("ready"),
            aws,
            "i-0000000000000000a",
            200,
            "{\"status\":200,\"readyConnections\":4,\"connectorId\":\"8b2c4f3e-1d2a-4b5c-9e8f-7a6b5c4d3e2f\"}");
    // Up but without an edge connection: 503 and none.
    ScriptSandbox.Run dropped =
        runAgainst(
            dir.resolve("dropped"),
            aws,
            "i-0000000000000000b",
            503,
            "{\"status\":503,\"readyConnections\":0,\"connectorId\":\"8b2c4f3e-1d2a-4b5c-9e8f-7a6b5c4d3e2f\"}");
    // cloudflared not running (or still waiting for its token): nothing listens.
    ScriptSandbox.Run down = runAgainst(dir.resolve("down"), aws, "i-0000000000000000c", 0, null);

    assertThat(ready.exitCode()).as(ready.output()).isZero();
    assertThat(ready.output()).contains("4 connections, ready=1");
    assertThat(dropped.exitCode()).as(dropped.output()).isZero();
    assertThat(dropped.output()).contains("0 connections, ready=0");
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(down.output()).contains("0 connections, ready=0");

    try (CloudWatchClient cloudwatch = AwsSdk.client(CloudWatchClient.builder(), aws)) {
      // Per instance, the connections each one held.
      assertThat(
              sum(
                  cloudwatch,
                  start,
                  "ReadyConnections",
                  Map.of("AutoScalingGroupName", GROUP, "InstanceId", "i-0000000000000000a")))
          .isEqualTo(4.0);
      assertThat(
              sum(
                  cloudwatch,
                  start,
                  "ReadyConnections",
                  Map.of("AutoScalingGroupName", GROUP, "InstanceId", "i-0000000000000000b")))
          .isEqualTo(0.0);
      assertThat(
              sum(
                  cloudwatch,
                  start,
                  "ReadyConnections",
                  Map.of("AutoScalingGroupName", GROUP, "InstanceId", "i-0000000000000000c")))
          .isEqualTo(0.0);
      // Per group, what the readiness alarm sums: one ready connector out of three reports.
      List<Datapoint> group =
          datapoints(cloudwatch, start, "ReadyConnectors", Map.of("AutoScalingGroupName", GROUP));
      assertThat(group.stream().mapToDouble(Datapoint::sum).sum()).isEqualTo(1.0);
      assertThat(group.stream().mapToDouble(Datapoint::sampleCount).sum()).isEqualTo(3.0);
      // Every data point is stamped with its minute, so one minute holds one report per connector.
      assertThat(group).allSatisfy(p -> assertThat(p.timestamp().getEpochSecond() % 60).isZero());
    }
  }

  /**
   * Runs the script for {@code instanceId} against a server answering {@code status} and {@code
   * body} on {@code /ready}, or against a closed port when {@code body} is null.
   */
  private static ScriptSandbox.Run runAgainst(
      Path dir, AwsEndpoint aws, String instanceId, int status, String body) throws IOException {
    ScriptSandbox sandbox = ScriptSandbox.in(dir).tool("aws", Toolchain.locate().tool("aws"));
    Map<String, String> env = new LinkedHashMap<>(aws.environment());
    env.put("HOME", dir.toString());
    env.put("REGION", aws.region());
    env.put("INSTANCE_ID", instanceId);
    if (body == null) {
      int closed;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = socket.getLocalPort();
      }
      env.put("READY_URL", "http://127.0.0.1:" + closed + "/ready");
      return sandbox.run(script, env, TIMEOUT);
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ready",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try {
      env.put("READY_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/ready");
      return sandbox.run(script, env, TIMEOUT);
    } finally {
      server.stop(0);
    }
  }

  private static double sum(
      CloudWatchClient cloudwatch, Instant start, String metric, Map<String, String> dimensions) {
    List<Datapoint> points = datapoints(cloudwatch, start, metric, dimensions);
    assertThat(points).as(metric + " " + dimensions).isNotEmpty();
    return points.stream().mapToDouble(Datapoint::sum).sum();
  }

  private static List<Datapoint> datapoints(
      CloudWatchClient cloudwatch, Instant start, String metric, Map<String, String> dimensions) {
    return cloudwatch
        .getMetricStatistics(
            b ->
                b.namespace(NAMESPACE)
                    .metricName(metric)
                    .dimensions(
                        dimensions.entrySet().stream()
                            .map(
                                e ->
                                    Dimension.builder()
                                        .name(e.getKey())
                                        .value(e.getValue())
                                        .build())
                            .toList())
                    .startTime(start)
                    .endTime(Instant.now().plus(Duration.ofMinutes(2)))
                    .period(60)
                    .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT))
        .datapoints();
  }
}
