package io.platform.migrate.address;

/** Managed resources ({@code resource} blocks) and data sources ({@code data} blocks). */
public enum ResourceMode {
  MANAGED("managed", ""),
  DATA("data", "data.");

  private final String stateName;
  private final String addressPrefix;

  ResourceMode(String stateName, String addressPrefix) {
    this.stateName = stateName;
    this.addressPrefix = addressPrefix;
  }

  /** The value of a state resource's {@code mode} field. */
  public String stateName() {
    return stateName;
  }

  /** What precedes the type in an address: {@code data.} or nothing. */
  public String addressPrefix() {
    return addressPrefix;
  }

  public static ResourceMode fromState(String mode) {
    for (ResourceMode value : values()) {
      if (value.stateName.equals(mode)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown resource mode \"" + mode + "\"");
  }
}
