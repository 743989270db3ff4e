package io.platform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/platform-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {"platform " + properties.getProperty("version", "unknown")};
  }
}
