package io.platform.killswitch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.Fixtures;
import io.platform.killswitch.KillSwitchHandler;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Warm latency of the handler in-process against the emulator named by AWS_ENDPOINT_URL: the time
 * from handing it the documented ALARM event to the moment its key-deactivation step returned (the
 * key is Inactive), and to the end of the invocation (deny policy and notice included). Run by
 * scripts/bench-kill-switch.sh with the shaded jar on the class path; prints Markdown table rows.
 *
 * <p>Usage: {@code WarmLatency RUNS WARMUP}
 */
public final class WarmLatency {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "svc-bench-warm";
  private static final String WORKGROUP = "bench-warm";
  private static final int QUERIES = 20;

  private WarmLatency() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    int warmup = Integer.parseInt(args[1]);
    Map<String, String> env = new HashMap<>(System.getenv());
    byte[] event = Fixtures.eventText("alarm.json").getBytes(StandardCharsets.UTF_8);

    try (AwsClients aws = AwsClients.fromEnvironment(env, true)) {
      IamClient iam = aws.iam();
      iam.createUser(b -> b.userName(USER));
      String keyId = iam.createAccessKey(b -> b.userName(USER)).accessKey().accessKeyId();
      String secretArn =
          aws.secretsManager()
              .createSecret(
                  b ->
                      b.name("bench/kill-switch-warm")
                          .secretString(
                              "{\"username\":\""
                                  + USER
                                  + "\",\"access_key_id\":\""
                                  + keyId
                                  + "\"}"))
              .arn();
      env.put("SECRET_ID", secretArn);
      env.put("ALARM_NAMES", "platform-athena-processed-bytes-spike");
      env.put(
          "SNS_TOPIC_ARN", aws.sns().createTopic(b -> b.name("bench-kill-switch-warm")).topicArn());
      // As the module deploys it: the notice lists the workgroup's queries, here a history of 20.
      AthenaClient athena = aws.athena().orElseThrow();
      athena.createWorkGroup(b -> b.name(WORKGROUP));
      for (int q = 0; q < QUERIES; q++) {
        athena.startQueryExecution(
            b ->
                b.workGroup(WORKGROUP)
                    .queryString("SELECT * FROM events WHERE day = '2026-01-05'"));
      }
      env.put("ATHENA_WORKGROUP", WORKGROUP);
      KillSwitchHandler handler =
          new KillSwitchHandler(KillSwitchConfig.fromEnvironment(env), aws, JSON);

      long[] toInactive = new long[runs];
      long[] toQueries = new long[runs];
      long[] toEnd = new long[runs];
      for (int i = -warmup; i < runs; i++) {
        iam.updateAccessKey(b -> b.userName(USER).accessKeyId(keyId).status(StatusType.ACTIVE));
        if (i > -warmup) {
          iam.deleteUserPolicy(b -> b.userName(USER).policyName("platform-kill-switch-deny"));
        }
        long[] keyInactiveAt = {0};
        long[] queriesAt = {0};
        LocalContext context =
            new LocalContext(
                line -> {
                  if (keyInactiveAt[0] == 0
                      && line.contains("\"action\":\"deactivate-key\"")
                      && line.contains("\"outcome\":\"done\"")) {
                    keyInactiveAt[0] = System.nanoTime();
                  }
                  if (line.contains("\"event\":\"queries\"")) {
                    queriesAt[0] = System.nanoTime();
                  }
                });
        long start = System.nanoTime();
        handler.handleRequest(
            new ByteArrayInputStream(event), new ByteArrayOutputStream(), context);
        long end = System.nanoTime();
        if (keyInactiveAt[0] == 0) {
          throw new IllegalStateException("run " + i + ": the key was not deactivated");
        }
        if (queriesAt[0] < keyInactiveAt[0]) {
          throw new IllegalStateException(
              "run " + i + ": the queries were not read after the key was Inactive");
        }
        if (i >= 0) {
          toInactive[i] = keyInactiveAt[0] - start;
          toQueries[i] = queriesAt[0] - start;
          toEnd[i] = end - start;
        }
      }
      System.out.println(row("event to key Inactive", toInactive));
      System.out.println(
          row("event to the window's queries read (after the key is Inactive)", toQueries));
      System.out.println(row("event to end of invocation (deny policy, queries, notice)", toEnd));
    }
  }

  private static String row(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "| %s | %d | %.1f ms | %.1f ms | %.1f ms |",
        label,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99));
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
