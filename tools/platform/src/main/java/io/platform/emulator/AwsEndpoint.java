package io.platform.emulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an AWS API emulator listens and how to talk to it. The credentials are the emulator's fixed
 * test credentials, never real ones.
 */
public record AwsEndpoint(
    URI url, String region, String accessKeyId, String secretAccessKey, String accountId) {

  /** The same emulator seen from another region (moto serves every region on one endpoint). */
  public AwsEndpoint withRegion(String other) {
    return new AwsEndpoint(url, other, accessKeyId, secretAccessKey, accountId);
  }

  /**
   * Environment for a child process (Terraform, Terragrunt, the AWS CLI, a Lambda handler run
   * in-process) that must reach this emulator and nothing else.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    // Static keys in the environment win over any profile. Every SDK, the AWS provider and
    // the S3 backend honour AWS_ENDPOINT_URL; live/local requires it.
    env.put("AWS_ENDPOINT_URL", url.toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }
}
