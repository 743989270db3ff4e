package io.platform.migrate.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.ExecException;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.live.UnitGraph;
import io.platform.migrate.storage.S3Location;
import io.platform.migrate.storage.StoreSpec;
import io.platform.terraform.Terragrunt;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The units of a Terragrunt live tree (e.g. {@code live/local}): each unit's S3 backend from its
 * rendered {@code remote_state}, the order from Terragrunt's dependency graph.
 */
public final class LiveTreeDestinations implements Destinations {
  private final Path root;
  private final Terragrunt terragrunt;
  private final Map<String, Unit> units;

  public LiveTreeDestinations(Path root, Terragrunt terragrunt) {
    this.root = root.toAbsolutePath().normalize();
    this.terragrunt = terragrunt;
    this.units =
        UnitDiscovery.find(this.root, List.of(), List.of()).stream()
            .collect(Collectors.toMap(Unit::name, Function.identity()));
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no units (terragrunt.hcl) under " + root);
    }
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public boolean exists(String unit) {
    return units.containsKey(unit);
  }

  @Override
  public StoreSpec store(String unit) {
    Unit found = units.get(unit);
    JsonNode remoteState = terragrunt.render(found.dir()).path("remote_state");
    if (!"s3".equals(remoteState.path("backend").asText())) {
      throw new IllegalArgumentException(
          "unit " + unit + " has no S3 remote_state; migrate writes S3 backends only");
    }
    return StoreSpec.s3(S3Location.fromRemoteStateConfig(remoteState.path("config")), found.dir());
  }

  @Override
  public UnitGraph graph(Collection<String> names) {
    try {
      return UnitGraph.fromFindJson(terragrunt.findDependencyOrder(root)).restrictedTo(names);
    } catch (ExecException e) {
      throw new IllegalStateException(
          "cannot order the units by their dependencies: " + e.getMessage(), e);
    }
  }
}
