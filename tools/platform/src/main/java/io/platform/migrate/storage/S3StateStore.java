package io.platform.migrate.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.aws.AwsClients;
import io.platform.migrate.state.StateJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A state object in S3, written the way Terraform's S3 backend writes it: under the DynamoDB lock
 * item and/or the S3 lock file, encrypted as configured, and with the {@code <key>-md5} digest item
 * updated in the lock table (without it the next Terraform read fails its consistency check).
 */
public final class S3StateStore implements StateStore {
  /** One API call attempt; a stopped endpoint shows as a failure instead of a hang. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How long a lock release keeps trying after a failed write, so a short outage leaves no lock.
   */
  static final Duration RELEASE_PATIENCE = Duration.ofSeconds(60);

  private final S3Location location;
  private final AwsCredentialsProvider credentials;
  private final URI defaultEndpoint;

  /**
   * @param defaultEndpoint the endpoint when the location names none (AWS_ENDPOINT_URL), or null
   */
  public S3StateStore(
      S3Location location, AwsCredentialsProvider credentials, URI defaultEndpoint) {
    this.location = location;
    this.credentials = credentials;
    this.defaultEndpoint = defaultEndpoint;
  }

  public S3Location location() {
    return location;
  }

  @Override
  public String describe() {
    return location.describe();
  }

  @Override
  public Optional<StoredState> read() {
    try (AwsClients aws = clients();
        S3Client s3 = aws.s3()) {
      byte[] bytes;
      try {
        bytes =
            s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key())).asByteArray();
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
      StoredState.Digest check = StoredState.Digest.NOT_KEPT;
      if (location.lockTable() != null) {
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
          String digest = digest(dynamo);
          check =
              digest == null
                  ? StoredState.Digest.MISSING
                  : digest.equals(Digests.md5(bytes))
                      ? StoredState.Digest.MATCHES
                      : StoredState.Digest.DIFFERS;
        }
      }
      return Optional.of(new StoredState(bytes, check));
    }
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  public void write(byte[] state, ExpectedState expected) {
    try (AwsClients aws = clients();
        S3Client s3 = aws.s3();
        DynamoDbClient dynamo = aws.dynamoDb();
        StateLock lock = acquire(s3, dynamo, "platform migrate apply")) {
      expected.check(this, read());
      PutObjectRequest.Builder put =
          PutObjectRequest.builder()
              .bucket(location.bucket())
              .key(location.key())
              .contentType("application/json");
      if (location.kmsKeyId() != null) {
        put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(location.kmsKeyId());
      } else if (location.encrypt()) {
        put.serverSideEncryption(ServerSideEncryption.AES256);
      }
      s3.putObject(put.build(), RequestBody.fromBytes(state));
      if (location.lockTable() != null) {
        dynamo.putItem(
            b ->
                b.tableName(location.lockTable())
                    .item(
                        Map.of(
                            "LockID", AttributeValue.fromS(location.digestId()),
                            "Digest", AttributeValue.fromS(Digests.md5(state)))));
      }
    }
  }

  /**
   * Rewrites the lock table's digest for what the object holds now (after an interrupted write).
   */
  @Override
  public boolean repairDigest() {
    if (location.lockTable() == null) {
      return false;
    }
    byte[] state =
        read()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        describe() + " holds no state to repair the digest of"))
            .bytes();
    try (AwsClients aws = clients();
        DynamoDbClient dynamo = aws.dynamoDb()) {
      dynamo.putItem(
          b ->
              b.tableName(location.lockTable())
                  .item(
                      Map.of(
                          "LockID", AttributeValue.fromS(location.digestId()),
                          "Digest", AttributeValue.fromS(Digests.md5(state)))));
    }
    return true;
  }

  @Override
  public StateLock lock(String operation) {
    AwsClients aws = clients();
    S3Client s3 = aws.s3();
    DynamoDbClient dynamo = aws.dynamoDb();
    try {
      StateLock held = acquire(s3, dynamo, operation);
      return () -> {
        try {
          held.close();
        } finally {
          s3.close();
          dynamo.close();
          aws.close();
        }
      };
    } catch (RuntimeException e) {
      s3.close();
      dynamo.close();
      aws.close();
      throw e;
    }
  }

  /**
   * Puts a lock item that stays until {@link #unlockForGood} lifts it: every Terraform command that
   * locks the state fails with "Error acquiring the state lock" and prints {@code info}.
   *
   * @param id the lock's ID, which names what holds it
   * @return false when a lock with this ID is already held (nothing to do)
   * @throws StateConflictException when someone else holds the lock
   * @throws IllegalStateException when the location has no lock table
   */
  public boolean lockForGood(String id, String operation, String info) {
    requireLockTable();
    String lock = lockInfo(id, operation, info);
    try (AwsClients aws = clients();
        DynamoDbClient dynamo = aws.dynamoDb()) {
      try {
        dynamo.putItem(
            b ->
                b.tableName(location.lockTable())
                    .item(
                        Map.of(
                            "LockID", AttributeValue.fromS(location.lockId()),
                            "Info", AttributeValue.fromS(lock)))
                    .conditionExpression("attribute_not_exists(LockID)"));
        return true;
      } catch (ConditionalCheckFailedException e) {
        String held = heldInfo(dynamo);
        if (id.equals(lockField(held, "ID"))) {
          return false;
        }
        throw lockedBy(held);
      }
    }
  }

  /**
   * Lifts a lock {@link #lockForGood} put, and only that one.
   *
   * @return false when no lock with this ID is held
   */
  public boolean unlockForGood(String id) {
    requireLockTable();
    try (AwsClients aws = clients();
        DynamoDbClient dynamo = aws.dynamoDb()) {
      String held = heldInfo(dynamo);
      if (held == null || !id.equals(lockField(held, "ID"))) {
        return false;
      }
      dynamo.deleteItem(
          b ->
              b.tableName(location.lockTable())
                  .key(Map.of("LockID", AttributeValue.fromS(location.lockId())))
                  .conditionExpression("Info = :info")
                  .expressionAttributeValues(Map.of(":info", AttributeValue.fromS(held))));
      return true;
    }
  }

  private void requireLockTable() {
    if (location.lockTable() == null) {
      throw new IllegalStateException(
          describe() + " has no lock table to hold a lock in (give the source's lock table)");
    }
  }

  private StateConflictException lockedBy(String held) {
    return new StateConflictException(
        describe()
            + " is locked in "
            + location.lockTable()
            + ": "
            + holder(held == null ? "{}" : held));
  }

  private String heldInfo(DynamoDbClient dynamo) {
    return field(dynamo, location.lockId(), "Info");
  }

  private static String lockField(String infoJson, String field) {
    if (infoJson == null) {
      return null;
    }
    try {
      return StateJson.mapper().readTree(infoJson).path(field).asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  private StateLock acquire(S3Client s3, DynamoDbClient dynamo, String operation) {
    if (location.lockTable() == null && !location.useLockfile()) {
      return StateLock.NONE;
    }
    String info = lockInfo(UUID.randomUUID().toString(), operation, "");
    List<Runnable> releases = new ArrayList<>();
    try {
      if (location.useLockfile()) {
        try {
          s3.putObject(
              b ->
                  b.bucket(location.bucket())
                      .key(location.lockfileKey())
                      .ifNoneMatch("*")
                      .contentType("application/json"),
              RequestBody.fromString(info));
        } catch (S3Exception e) {
          if (e.statusCode() == 412 || e.statusCode() == 409) {
            throw new StateConflictException(
                describe()
                    + " is locked ("
                    + location.lockfileKey()
                    + " exists): "
                    + holder(
                        s3.getObjectAsBytes(
                                b -> b.bucket(location.bucket()).key(location.lockfileKey()))
                            .asUtf8String()));
          }
          throw e;
        }
        releases.add(
            () -> s3.deleteObject(b -> b.bucket(location.bucket()).key(location.lockfileKey())));
      }
      if (location.lockTable() != null) {
        try {
          dynamo.putItem(
              b ->
                  b.tableName(location.lockTable())
                      .item(
                          Map.of(
                              "LockID",
                              AttributeValue.fromS(location.lockId()),
                              "Info",
                              AttributeValue.fromS(info)))
                      .conditionExpression("attribute_not_exists(LockID)"));
        } catch (ConditionalCheckFailedException e) {
          throw lockedBy(heldInfo(dynamo));
        }
        releases.add(
            0,
            () ->
                dynamo.deleteItem(
                    b ->
                        b.tableName(location.lockTable())
                            .key(Map.of("LockID", AttributeValue.fromS(location.lockId())))
                            .conditionExpression("Info = :info")
                            .expressionAttributeValues(
                                Map.of(":info", AttributeValue.fromS(info)))));
      }
    } catch (RuntimeException e) {
      releaseAll(releases);
      throw e;
    }
    return () -> releaseAll(releases);
  }

  /** Releases each lock, retrying for a while: a lock left behind blocks every later run. */
  private static void releaseAll(List<Runnable> releases) {
    long deadline = System.nanoTime() + RELEASE_PATIENCE.toNanos();
    for (Runnable release : releases) {
      while (true) {
        try {
          release.run();
          break;
        } catch (ConditionalCheckFailedException e) {
          // Someone broke our lock with force-unlock: it is no longer ours to release.
          break;
        } catch (SdkException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "cannot release a state lock ("
                    + e.getMessage()
                    + "); release it with terragrunt force-unlock once the backend answers",
                e);
          }
          sleep();
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while releasing a state lock", e);
    }
  }

  private String digest(DynamoDbClient dynamo) {
    return field(dynamo, location.digestId(), "Digest");
  }

  /** A string attribute of the lock table's item {@code lockId}, or null. */
  private String field(DynamoDbClient dynamo, String lockId, String attribute) {
    var item =
        dynamo
            .getItem(
                b ->
                    b.tableName(location.lockTable())
                        .key(Map.of("LockID", AttributeValue.fromS(lockId))))
            .item();
    return item == null || !item.containsKey(attribute) ? null : item.get(attribute).s();
  }

  /** Lock info in Terraform's format, so that {@code force-unlock} and its messages work. */
  private String lockInfo(String id, String operation, String detail) {
    ObjectNode info = StateJson.mapper().createObjectNode();
    info.put("ID", id);
    info.put("Operation", operation);
    info.put("Info", detail);
    info.put("Who", System.getProperty("user.name") + "@" + host());
    info.put("Version", "platform");
    info.put("Created", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
    info.put("Path", location.lockId());
    return info.toString();
  }

  private static String holder(String infoJson) {
    try {
      var info = StateJson.mapper().readTree(infoJson);
      return "held by "
          + info.path("Who").asText("?")
          + " for "
          + info.path("Operation").asText("?")
          + " since "
          + info.path("Created").asText("?")
          + " (lock ID "
          + info.path("ID").asText("?")
          + ")";
    } catch (IOException e) {
      return "held (unreadable lock info)";
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private AwsClients clients() {
    return new AwsClients(
        location.region(),
        location.endpoint() != null ? location.endpoint() : defaultEndpoint,
        credentials,
        ATTEMPT_TIMEOUT);
  }
}
