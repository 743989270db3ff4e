package io.platform.cli;

import io.platform.aws.AwsClients;
import io.platform.exec.ProcessRunner;
import io.platform.migrate.apply.BackendStateStores;
import io.platform.migrate.apply.StateStores;
import io.platform.toolchain.Toolchain;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What both migrate subcommands need from the environment: AWS access, the tools, the stores. */
final class MigrationEnvironment {
  private MigrationEnvironment() {}

  /** AWS_ENDPOINT_URL when set (the emulator: eval "$(platform emulator env)"). */
  static URI endpoint() {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    return endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
  }

  static StateStores stores(Path scratch, Supplier<Toolchain> toolchain) {
    return new BackendStateStores(
        AwsClients.defaultCredentials(), endpoint(), new ProcessRunner(), toolchain, scratch);
  }
}
