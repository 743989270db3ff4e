package io.platform.migrate.storage;

import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.exec.ErrorLines;
import io.platform.exec.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state of a Terraform, OpenTofu or Terragrunt directory, through {@code state pull} and {@code
 * state push}: whatever backend the directory is configured with, with the engine's own locking and
 * its lineage and serial checks on push.
 */
public final class EngineStateStore implements StateStore {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path dir;
  private final CommandRunner runner;
  private final Function<List<String>, Command> command;
  private final Path scratch;
  private final StateStore exactReader;

  /**
   * @param command builds {@code terraform ARGS} or {@code terragrunt ARGS} in {@code dir}
   * @param scratch a private directory for the file handed to {@code state push}
   * @param exactReader reads the backend's bytes as stored, or null to read through {@code state
   *     pull} (which reformats the state, so its hash differs from the stored one)
   */
  public EngineStateStore(
      Path dir,
      CommandRunner runner,
      Function<List<String>, Command> command,
      Path scratch,
      StateStore exactReader) {
    this.dir = dir;
    this.runner = runner;
    this.command = command;
    this.scratch = scratch;
    this.exactReader = exactReader;
  }

  @Override
  public String describe() {
    return "state of " + dir;
  }

  @Override
  public Optional<StoredState> read() {
    if (exactReader != null) {
      return exactReader.read();
    }
    ExecResult pull =
        runner.run(command.apply(List.of("state", "pull")).withTimeout(TIMEOUT)).requireSuccess();
    String out = pull.stdout();
    int start = out.indexOf('{');
    if (start < 0) {
      return Optional.empty();
    }
    return Optional.of(StoredState.of(out.substring(start).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void write(byte[] state, ExpectedState expected) {
    expected.check(this, read());
    // A directory of its own: units pushed side by side share the scratch directory.
    Path dir = PrivateFiles.directory(scratch, "push-");
    Path file = dir.resolve("terraform.tfstate");
    PrivateFiles.write(file, state);
    try {
      List<String> args = new ArrayList<>(List.of("state", "push"));
      if (expected.forced()) {
        args.add("-force");
      }
      args.add(file.toString());
      ExecResult push = runner.run(command.apply(args).withTimeout(TIMEOUT));
      if (!push.succeeded()) {
        String why = ErrorLines.firstUseful(push.stderr(), push.stdout());
        if (why.contains("lineage") || why.contains("serial") || why.contains("lock")) {
          throw new StateConflictException(describe() + ": terraform state push refused: " + why);
        }
        push.requireSuccess();
      }
    } finally {
      PrivateFiles.delete(dir);
    }
  }

  /** Terraform takes the backend's lock itself on every push. */
  @Override
  public StateLock lock(String operation) {
    return StateLock.NONE;
  }
}
