package io.platform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.platform.aws.AwsClients;
import io.platform.toolchain.Toolchain;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class MotoServerIT {
  private final Path moto = Toolchain.locate().motoServer();

  private static AwsClients clients(AwsEndpoint endpoint) {
    return new AwsClients(
        endpoint.region(),
        endpoint.url(),
        AwsClients.staticCredentials(endpoint.accessKeyId(), endpoint.secretAccessKey()));
  }

  @Test
  void servesAwsOnALoopbackPortResetsAndIsGoneAfterClose() {
    MotoServer server = MotoServer.start(moto, "us-east-1");
    AwsEndpoint endpoint = server.endpoint();
    long pid = server.pid().getAsLong();
    try (AwsClients clients = clients(endpoint);
        S3Client s3 = clients.s3()) {
      assertThat(endpoint.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(endpoint.accountId()).isEqualTo(MotoServer.ACCOUNT_ID);

      s3.createBucket(b -> b.bucket("before-reset"));
      assertThat(s3.listBuckets().buckets()).hasSize(1);
      server.reset();
      assertThat(s3.listBuckets().buckets()).isEmpty();
    } finally {
      server.close();
    }

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(FreePort.isListening(endpoint.url().getPort())).isFalse();
  }

  @Test
  void twoServersRunSideBySideOnDifferentPorts() {
    try (MotoServer first = MotoServer.start(moto, "us-east-1");
        MotoServer second = MotoServer.start(moto, "eu-west-1")) {
      assertThat(first.endpoint().url().getPort()).isNotEqualTo(second.endpoint().url().getPort());
      assertThat(second.endpoint().environment()).containsEntry("AWS_REGION", "eu-west-1");
    }
  }

  @Test
  void neverMistakesAnotherServerOnItsPortForItself() throws Exception {
    // Another emulator that answers moto's health check holds the port already.
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/moto-api/",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    other.start();
    try {
      int port = other.getAddress().getPort();
      assertThatThrownBy(
              () -> MotoServer.startOn(moto, "us-east-1", port, HttpClient.newHttpClient()))
          .isInstanceOf(MotoServer.PortTakenException.class);
    } finally {
      other.stop(0);
    }
  }

  @Test
  void aDetachedServerKeepsRunningUntilStoppedByPid() {
    MotoServer server = MotoServer.start(moto, "us-east-1").detach();
    long pid = server.pid().getAsLong();
    try {
      assertThat(FreePort.isListening(server.endpoint().url().getPort())).isTrue();

      assertThat(MotoServer.stop(pid)).isTrue();

      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(MotoServer.stop(pid)).as("already stopped").isFalse();
    } finally {
      server.close();
    }
  }

  @Test
  void refusesToStopAProcessThatIsNotAMotoServer() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      assertThatThrownBy(() -> MotoServer.stop(other.pid()))
          .isInstanceOf(EmulatorException.class)
          .hasMessageContaining("not a moto server");
      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aMissingExecutableIsAClearError() {
    assertThatThrownBy(() -> MotoServer.start(Path.of("/nonexistent/moto_server"), "us-east-1"))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("cannot start moto server");
  }
}
