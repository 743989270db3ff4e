package io.platform.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.live.Unit;
import io.platform.terraform.Terragrunt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The distinct S3 backends that a set of units store their state in. */
public final class BackendDiscovery {
  private BackendDiscovery() {}

  public static List<BackendSpec> of(Terragrunt terragrunt, List<Unit> units) {
    Map<String, BackendSpec> backends = new LinkedHashMap<>();
    for (Unit unit : units) {
      JsonNode remoteState = terragrunt.render(unit.dir()).path("remote_state");
      if (!"s3".equals(remoteState.path("backend").asText())) {
        throw new IllegalArgumentException(
            "unit " + unit.name() + " has no S3 remote_state; only S3 backends are bootstrapped");
      }
      BackendSpec spec = BackendSpec.fromRemoteStateConfig(remoteState.path("config"));
      backends.putIfAbsent(spec.identity(), spec);
    }
    return new ArrayList<>(backends.values());
  }
}
