package io.platform.killswitch.local;

import io.platform.killswitch.KillSwitchHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the packaged handler once outside Lambda, configured by the same environment variables:
 * {@code java -jar kill-switch.jar EVENT.json} (or {@code -} for stdin). The result goes to stdout,
 * the JSON log lines to stderr; the exit code is 1 when the handler threw. With {@code
 * DRY_RUN=true} it shows what the function would do, without writing anything.
 */
public final class LocalInvocation {
  private LocalInvocation() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -jar kill-switch.jar EVENT.json|-");
      System.exit(64);
    }
    System.exit(run(args[0], System.out, System.err));
  }

  static int run(String eventFile, PrintStream out, PrintStream err) throws IOException {
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    try (InputStream event =
        "-".equals(eventFile) ? System.in : Files.newInputStream(Path.of(eventFile))) {
      new KillSwitchHandler().handleRequest(event, result, new LocalContext(err::print));
    } catch (RuntimeException | ExceptionInInitializerError e) {
      Throwable cause =
          e instanceof ExceptionInInitializerError init && init.getCause() != null
              ? init.getCause()
              : e;
      err.println("error: " + cause.getMessage());
      return 1;
    }
    out.println(result.toString(StandardCharsets.UTF_8));
    return 0;
  }
}
