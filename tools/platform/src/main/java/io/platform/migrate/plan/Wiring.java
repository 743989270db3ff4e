package io.platform.migrate.plan;

import io.platform.migrate.wiring.CrossingReference;
import java.util.List;

/**
 * The references of the monolith's configuration that cross units, and whether the target live tree
 * carries them.
 *
 * @param config the monolith's configuration directory the references were read from
 * @param checked whether they were checked against a live tree (not for file destinations)
 */
public record Wiring(String config, boolean checked, List<CrossingReference> references) {
  public Wiring {
    references = List.copyOf(references);
  }

  public List<CrossingReference> unwired() {
    return checked ? references.stream().filter(r -> !r.wired()).toList() : List.of();
  }
}
