package io.platform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What {@code platform emulator start} leaves behind for {@code env} and {@code stop}: the detached
 * server's PID and endpoint, in a file only its owner can read.
 */
public record EmulatorState(long pid, AwsEndpoint endpoint) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(),
              ".emulator",
              ".json",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      JSON.writeValue(
          temp.toFile(),
          JSON.createObjectNode()
              .put("pid", pid)
              .put("endpoint", endpoint.url().toString())
              .put("region", endpoint.region())
              .put("account_id", endpoint.accountId()));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads the state file; the credentials are moto's fixed test keys. */
  public static EmulatorState read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new EmulatorException(
          "no emulator started (no " + file + "); run: platform emulator start");
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      AwsEndpoint endpoint =
          new AwsEndpoint(
              URI.create(node.path("endpoint").asText()),
              node.path("region").asText(),
              MotoServer.ACCESS_KEY_ID,
              MotoServer.SECRET_ACCESS_KEY,
              node.path("account_id").asText());
      return new EmulatorState(node.path("pid").asLong(), endpoint);
    } catch (IOException e) {
      throw new EmulatorException("unreadable emulator state " + file + ": " + e.getMessage(), e);
    }
  }

  public boolean isRunning() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
