package io.platform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven stamped into the build, and the tool versions it was built to run. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties build = properties("/platform-version.properties");
    Properties pins = properties("/toolchain.properties");
    return new String[] {
      "platform " + build.getProperty("version", "unknown"),
      "pinned: Terraform "
          + pin(pins, "terraform.version")
          + ", OpenTofu "
          + pin(pins, "opentofu.version")
          + ", Terragrunt "
          + pin(pins, "terragrunt.version")
          + ", AWS provider "
          + pin(pins, "aws-provider.version")
          + ", moto "
          + pin(pins, "moto.version"),
    };
  }

  private static String pin(Properties pins, String key) {
    return pins.getProperty(key, "unknown");
  }

  private static Properties properties(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
      if (in != null) {
        properties.load(in);
      }
    }
    return properties;
  }
}
