package io.platform.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.aws.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Creates the state bucket and lock table hardened, or brings existing ones up to the same
 * settings: versioning, KMS encryption with a bucket key, all public access blocked, a TLS-only
 * policy, owner-enforced objects; a pay-per-request lock table encrypted with KMS from its
 * creation, with deletion protection. Every step is idempotent and reported.
 */
public final class BackendBootstrapper {
  /** Sid of the TLS-only statement; the same Sid Terragrunt uses, so both paths agree. */
  public static final String TLS_STATEMENT_SID = "EnforcedTLS";

  static final String LOCK_KEY = "LockID";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsCredentialsProvider credentials;
  private final URI endpoint;

  /**
   * @param endpoint where AWS is when the remote_state config names no endpoint: null for AWS
   *     itself, the emulator's URL for live/local
   */
  public BackendBootstrapper(AwsCredentialsProvider credentials, URI endpoint) {
    this.credentials = credentials;
    this.endpoint = endpoint;
  }

  public List<BootstrapStep> bootstrap(BackendSpec spec) {
    List<BootstrapStep> steps = new ArrayList<>();
    try (AwsClients aws = new AwsClients(spec.region(), or(spec.s3Endpoint()), credentials);
        S3Client s3 = aws.s3()) {
      new BucketHardening(s3, spec, steps).apply();
    }
    if (spec.lockTable() != null) {
      try (AwsClients aws =
              new AwsClients(spec.region(), or(spec.dynamodbEndpoint()), credentials);
          DynamoDbClient dynamo = aws.dynamoDb()) {
        ensureLockTable(dynamo, spec, steps);
      }
    }
    return steps;
  }

  private URI or(URI configured) {
    return configured != null ? configured : endpoint;
  }

  private record BucketHardening(S3Client s3, BackendSpec spec, List<BootstrapStep> steps) {

    void apply() {
      String bucket = spec.bucket();
      step("bucket", createIfMissing() ? "created" : "exists");

      boolean versioned =
          s3.getBucketVersioning(b -> b.bucket(bucket)).status() == BucketVersioningStatus.ENABLED;
      if (!versioned) {
        s3.putBucketVersioning(
            b ->
                b.bucket(bucket)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      }
      step("versioning", versioned ? "unchanged" : "set");

      ServerSideEncryptionByDefault wanted =
          ServerSideEncryptionByDefault.builder()
              .sseAlgorithm(ServerSideEncryption.AWS_KMS)
              .kmsMasterKeyID(spec.kmsKeyId())
              .build();
      boolean encrypted = currentEncryption().map(wanted::equals).orElse(false);
      if (!encrypted) {
        s3.putBucketEncryption(
            b ->
                b.bucket(bucket)
                    .serverSideEncryptionConfiguration(
                        c ->
                            c.rules(
                                ServerSideEncryptionRule.builder()
                                    .applyServerSideEncryptionByDefault(wanted)
                                    .bucketKeyEnabled(true)
                                    .build())));
      }
      step("kms encryption", encrypted ? "unchanged" : "set");

      PublicAccessBlockConfiguration closed =
          PublicAccessBlockConfiguration.builder()
              .blockPublicAcls(true)
              .ignorePublicAcls(true)
              .blockPublicPolicy(true)
              .restrictPublicBuckets(true)
              .build();
      boolean blocked = closed.equals(currentPublicAccessBlock());
      if (!blocked) {
        s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(closed));
      }
      step("public access block", blocked ? "unchanged" : "set");

      if (spec.enforceTls()) {
        step("tls-only policy", ensureTlsPolicy() ? "set" : "unchanged");
      } else {
        step("tls-only policy", "skipped (skip_bucket_enforced_tls)");
      }

      if (!spec.bucketTags().isEmpty()) {
        step("tags", ensureTags() ? "set" : "unchanged");
      }
    }

    /**
     * The configured tags on the bucket, its other tags kept (S3 replaces the whole set on a put);
     * true when anything had to be written.
     */
    private boolean ensureTags() {
      Map<String, String> current = new LinkedHashMap<>();
      try {
        s3.getBucketTagging(b -> b.bucket(spec.bucket()))
            .tagSet()
            .forEach(t -> current.put(t.key(), t.value()));
      } catch (S3Exception e) {
        if (!"NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
          throw e;
        }
      }
      Map<String, String> wanted = new LinkedHashMap<>(current);
      wanted.putAll(spec.bucketTags());
      if (wanted.equals(current)) {
        return false;
      }
      s3.putBucketTagging(
          b ->
              b.bucket(spec.bucket())
                  .tagging(
                      t ->
                          t.tagSet(
                              wanted.entrySet().stream()
                                  .map(
                                      e ->
                                          software.amazon.awssdk.services.s3.model.Tag.builder()
                                              .key(e.getKey())
                                              .value(e.getValue())
                                              .build())
                                  .toList())));
      return true;
    }

    private boolean createIfMissing() {
      try {
        s3.headBucket(b -> b.bucket(spec.bucket()));
        return false;
      } catch (NoSuchBucketException e) {
        // Fall through and create it.
      } catch (S3Exception e) {
        if (e.statusCode() != 404) {
          throw new IllegalStateException(
              "state bucket "
                  + spec.bucket()
                  + " exists but is not accessible (HTTP "
                  + e.statusCode()
                  + "); bucket names are global, pick another",
              e);
        }
      }
      s3.createBucket(
          b -> {
            b.bucket(spec.bucket()).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
            if (!"us-east-1".equals(spec.region())) {
              b.createBucketConfiguration(c -> c.locationConstraint(spec.region()));
            }
          });
      s3.waiter().waitUntilBucketExists(b -> b.bucket(spec.bucket()));
      return true;
    }

    private Optional<ServerSideEncryptionByDefault> currentEncryption() {
      try {
        return s3
            .getBucketEncryption(b -> b.bucket(spec.bucket()))
            .serverSideEncryptionConfiguration()
            .rules()
            .stream()
            .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
            .filter(Objects::nonNull)
            .findFirst();
      } catch (S3Exception e) {
        return Optional.empty();
      }
    }

    private PublicAccessBlockConfiguration currentPublicAccessBlock() {
      try {
        return s3.getPublicAccessBlock(b -> b.bucket(spec.bucket()))
            .publicAccessBlockConfiguration();
      } catch (S3Exception e) {
        return null;
      }
    }

    /** Adds the TLS-only statement, keeping any other statements. Returns whether it changed. */
    private boolean ensureTlsPolicy() {
      ObjectNode policy;
      try {
        policy =
            (ObjectNode) JSON.readTree(s3.getBucketPolicy(b -> b.bucket(spec.bucket())).policy());
      } catch (S3Exception e) {
        policy = JSON.createObjectNode().put("Version", "2012-10-17");
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable policy on bucket " + spec.bucket(), e);
      }
      ArrayNode statements =
          policy.has("Statement") && policy.get("Statement").isArray()
              ? (ArrayNode) policy.get("Statement")
              : policy.putArray("Statement");
      for (JsonNode statement : statements) {
        if (TLS_STATEMENT_SID.equals(statement.path("Sid").asText())) {
          return false;
        }
      }
      statements.add(tlsStatement(spec.bucket(), partition(spec.region())));
      String document = policy.toString();
      s3.putBucketPolicy(b -> b.bucket(spec.bucket()).policy(document));
      return true;
    }

    private void step(String setting, String outcome) {
      steps.add(new BootstrapStep(spec.bucket(), setting, outcome));
    }
  }

  /** Deny every request that does not arrive over TLS. */
  static ObjectNode tlsStatement(String bucket, String partition) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Sid", TLS_STATEMENT_SID);
    statement.put("Effect", "Deny");
    statement.put("Principal", "*");
    statement.put("Action", "s3:*");
    String arn = "arn:" + partition + ":s3:::" + bucket;
    statement.putArray("Resource").add(arn).add(arn + "/*");
    statement.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
    return statement;
  }

  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  private static void ensureLockTable(
      DynamoDbClient dynamo, BackendSpec spec, List<BootstrapStep> steps) {
    String table = spec.lockTable();
    TableDescription description;
    try {
      description = dynamo.describeTable(b -> b.tableName(table)).table();
    } catch (ResourceNotFoundException e) {
      // Encrypted from the first request: there is never an unencrypted lock table.
      dynamo.createTable(
          b ->
              b.tableName(table)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(LOCK_KEY)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName(LOCK_KEY)
                          .keyType(KeyType.HASH)
                          .build())
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS))
                  .deletionProtectionEnabled(true)
                  .tags(tags(spec.tableTags())));
      dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
      steps.add(new BootstrapStep(table, "lock table", "created"));
      steps.add(new BootstrapStep(table, "kms encryption", "set"));
      return;
    }
    steps.add(new BootstrapStep(table, "lock table", "exists"));
    boolean encrypted =
        description.sseDescription() != null
            && description.sseDescription().status() == SSEStatus.ENABLED;
    if (!encrypted) {
      dynamo.updateTable(
          b -> b.tableName(table).sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS)));
    }
    steps.add(new BootstrapStep(table, "kms encryption", encrypted ? "unchanged" : "set"));
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
