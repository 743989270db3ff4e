package io.platform.killswitch.heartbeat;

import java.util.List;

/** What one heartbeat found: healthy when no check failed. */
public record HeartbeatResult(String functionName, List<HealthCheck> checks) {
  public HeartbeatResult {
    checks = List.copyOf(checks);
  }

  public boolean healthy() {
    return checks.stream().noneMatch(HealthCheck::failed);
  }

  public List<HealthCheck> failures() {
    return checks.stream().filter(HealthCheck::failed).toList();
  }
}
