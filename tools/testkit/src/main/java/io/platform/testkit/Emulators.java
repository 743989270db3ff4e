package io.platform.testkit;

import io.platform.emulator.Emulator;
import io.platform.emulator.MotoServer;
import io.platform.toolchain.Toolchain;

/**
 * Starts the emulator tests run against: moto server by default; LocalStack in Docker when {@code
 * PLATFORM_EMULATOR=localstack} (needs a Docker engine and LOCALSTACK_AUTH_TOKEN).
 */
public final class Emulators {
  public static final String SELECTOR = "PLATFORM_EMULATOR";
  public static final String DEFAULT_REGION = "us-east-1";

  private Emulators() {}

  /** The emulator {@code PLATFORM_EMULATOR} selects: {@code moto} unless it says otherwise. */
  public static String selected() {
    return System.getenv().getOrDefault(SELECTOR, "moto");
  }

  public static Emulator start() {
    String kind = selected();
    return switch (kind) {
      case "moto" -> MotoServer.start(Toolchain.locate().motoServer(), DEFAULT_REGION);
      case "localstack" -> LocalStackEmulator.start(DEFAULT_REGION);
      default ->
          throw new IllegalArgumentException(
              SELECTOR + "=" + kind + " is not an emulator; use moto (default) or localstack");
    };
  }
}
