package io.platform.migrate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendSpec;
import io.platform.emulator.MotoServer;
import io.platform.toolchain.Toolchain;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The S3 backend as Terraform keeps it, on moto: the object, the lock item, the {@code -md5} digest
 * item and the {@code .tflock} object, each written and checked the way {@code terraform} does.
 */
class S3StateStoreIT {
  private static final String BUCKET = "states";
  private static final String TABLE = "locks";
  private static final String KEY = "units/vpc/terraform.tfstate";
  private static final byte[] FIRST = state(1);
  private static final byte[] SECOND = state(2);

  private static MotoServer moto;
  private AwsClients clients;
  private S3Client s3;
  private DynamoDbClient dynamo;

  @BeforeAll
  static void startMoto() {
    moto = MotoServer.start(Toolchain.locate().motoServer(), "us-east-1");
  }

  @AfterAll
  static void stopMoto() {
    moto.close();
  }

  @BeforeEach
  void backend() {
    moto.reset();
    clients =
        new AwsClients(
            "us-east-1",
            moto.endpoint().url(),
            AwsClients.staticCredentials(
                moto.endpoint().accessKeyId(), moto.endpoint().secretAccessKey()));
    s3 = clients.s3();
    dynamo = clients.dynamoDb();
    new BackendBootstrapper(
            AwsClients.staticCredentials(
                moto.endpoint().accessKeyId(), moto.endpoint().secretAccessKey()),
            moto.endpoint().url())
        .bootstrap(
            new BackendSpec(
                "us-east-1", BUCKET, TABLE, null, false, null, null, Map.of(), Map.of()));
  }

  @AfterEach
  void close() {
    s3.close();
    dynamo.close();
    clients.close();
  }

  private S3StateStore store(String lockTable, boolean useLockfile) {
    return new S3StateStore(
        new S3Location("us-east-1", BUCKET, KEY, lockTable, useLockfile, true, null, null),
        AwsClients.staticCredentials(
            moto.endpoint().accessKeyId(), moto.endpoint().secretAccessKey()),
        moto.endpoint().url());
  }

  @Test
  void aFirstWriteStoresTheObjectEncryptedWithTheDigestTerraformChecksAndReleasesItsLock() {
    S3StateStore store = store(TABLE, true);
    assertThat(store.read()).isEmpty();

    store.write(FIRST, ExpectedState.none());

    assertThat(object(KEY)).isEqualTo(FIRST);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key(KEY)).serverSideEncryption())
        .isEqualTo(ServerSideEncryption.AES256);
    assertThat(item(BUCKET + "/" + KEY + "-md5"))
        .containsEntry("Digest", AttributeValue.fromS(Digests.md5(FIRST)));
    assertThat(item(BUCKET + "/" + KEY)).as("lock item").isEmpty();
    assertThat(objectOrNull(KEY + ".tflock")).as("lock file").isNull();
    StoredState read = store.read().orElseThrow();
    assertThat(read.bytes()).isEqualTo(FIRST);
    assertThat(read.digest()).isEqualTo(StoredState.Digest.MATCHES);
  }

  @Test
  void aStateThatIsNotTheExpectedOneIsRefusedAndKept() {
    S3StateStore store = store(TABLE, false);
    store.write(FIRST, ExpectedState.none());

    assertThatThrownBy(() -> store.write(SECOND, ExpectedState.none()))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("s3://" + BUCKET + "/" + KEY);
    assertThatThrownBy(() -> store.write(SECOND, ExpectedState.sha256(Digests.sha256(SECOND))))
        .isInstanceOf(StateConflictException.class);
    assertThat(object(KEY)).isEqualTo(FIRST);
    assertThat(item(BUCKET + "/" + KEY)).as("lock released after a refusal").isEmpty();

    store.write(SECOND, ExpectedState.sha256(Digests.sha256(FIRST)));
    assertThat(object(KEY)).isEqualTo(SECOND);
    store.write(FIRST, ExpectedState.anything());
    assertThat(object(KEY)).isEqualTo(FIRST);
  }

  @Test
  void aLockSomeoneElseHoldsInTheTableRefusesTheWriteNamingTheHolderAndIsLeftInPlace() {
    String foreign =
        "{\"ID\":\"8c1b\",\"Operation\":\"OperationTypeApply\",\"Who\":\"alice@ci\","
            + "\"Created\":\"2026-01-01T00:00:00Z\"}";
    dynamo.putItem(
        b ->
            b.tableName(TABLE)
                .item(
                    Map.of(
                        "LockID", AttributeValue.fromS(BUCKET + "/" + KEY),
                        "Info", AttributeValue.fromS(foreign))));

    assertThatThrownBy(() -> store(TABLE, false).write(FIRST, ExpectedState.anything()))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("is locked in " + TABLE)
        .hasMessageContaining("held by alice@ci for OperationTypeApply")
        .hasMessageContaining("lock ID 8c1b");
    assertThat(objectOrNull(KEY)).isNull();
    assertThat(item(BUCKET + "/" + KEY)).containsEntry("Info", AttributeValue.fromS(foreign));
  }

  @Test
  void anS3LockFileSomeoneElseHoldsRefusesTheWriteAndIsLeftInPlace() {
    String foreign = "{\"ID\":\"77aa\",\"Operation\":\"OperationTypePlan\",\"Who\":\"bob@laptop\"}";
    s3.putObject(b -> b.bucket(BUCKET).key(KEY + ".tflock"), RequestBody.fromString(foreign));

    assertThatThrownBy(() -> store(null, true).write(FIRST, ExpectedState.anything()))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining(KEY + ".tflock exists")
        .hasMessageContaining("held by bob@laptop for OperationTypePlan");
    assertThat(objectOrNull(KEY)).isNull();
    assertThat(new String(object(KEY + ".tflock"), StandardCharsets.UTF_8)).isEqualTo(foreign);
  }

  @Test
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  void aHeldLockKeepsOtherWritersOutUntilItIsClosed() {
    S3StateStore store = store(TABLE, true);
    try (StateLock held = store.lock("platform migrate apply (source frozen)")) {
      assertThatThrownBy(() -> store.write(FIRST, ExpectedState.anything()))
          .isInstanceOf(StateConflictException.class)
          .hasMessageContaining("for platform migrate apply (source frozen)");
    }
    store.write(FIRST, ExpectedState.none());
    assertThat(object(KEY)).isEqualTo(FIRST);
  }

  @Test
  void aDigestLeftBehindByAnInterruptedWriteIsSeenAndRepaired() {
    S3StateStore store = store(TABLE, false);
    store.write(FIRST, ExpectedState.none());
    // The object written, the digest not: what a write cut off between the two leaves.
    s3.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromBytes(SECOND));
    assertThat(store.read().orElseThrow().digest()).isEqualTo(StoredState.Digest.DIFFERS);

    assertThat(store.repairDigest()).isTrue();

    assertThat(store.read().orElseThrow().digest()).isEqualTo(StoredState.Digest.MATCHES);
    assertThat(object(KEY)).isEqualTo(SECOND);
  }

  @Test
  void withoutALockTableThereIsNoDigestToKeepOrRepair() {
    S3StateStore store = store(null, true);
    store.write(FIRST, ExpectedState.none());

    assertThat(store.read().orElseThrow().digest()).isEqualTo(StoredState.Digest.NOT_KEPT);
    assertThat(store.repairDigest()).isFalse();
    assertThat(dynamo.scan(b -> b.tableName(TABLE)).items()).isEmpty();
  }

  @Test
  void aRepairOfAnEmptyLocationSaysThereIsNothingToRepair() {
    assertThatThrownBy(() -> store(TABLE, false).repairDigest())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("s3://" + BUCKET + "/" + KEY + " holds no state to repair the digest of");
  }

  private byte[] object(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  private byte[] objectOrNull(String key) {
    try {
      return object(key);
    } catch (NoSuchKeyException e) {
      return null;
    }
  }

  private Map<String, AttributeValue> item(String lockId) {
    return Optional.ofNullable(
            dynamo
                .getItem(
                    b -> b.tableName(TABLE).key(Map.of("LockID", AttributeValue.fromS(lockId))))
                .item())
        .orElse(Map.of());
  }

  private static byte[] state(int serial) {
    return ("{\"version\": 4, \"serial\": " + serial + ", \"lineage\": \"l\", \"resources\": []}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
