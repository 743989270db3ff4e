package io.platform.migrate.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.config.MappingFile;
import io.platform.migrate.slice.Move;
import io.platform.migrate.state.StateFormatException;
import io.platform.migrate.state.StateJson;
import io.platform.migrate.storage.StoreSpec;
import io.platform.migrate.wiring.CrossingReference;
import io.platform.toolchain.EngineRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The saved form of a {@link MigrationPlan}, written by {@code migrate plan --out}. */
public final class PlanJson {
  public static final String FORMAT = "platform-migration-plan/1";

  private PlanJson() {}

  public static byte[] write(MigrationPlan plan) {
    ObjectNode root = StateJson.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("created", plan.created());
    ObjectNode source = root.putObject("source");
    source
        .put("spec", plan.source().spec())
        .put("region", plan.source().region())
        .put("lock_table", plan.source().lockTable());
    source
        .put("sha256", plan.sourceSha256())
        .put("lineage", plan.sourceLineage())
        .put("serial", plan.sourceSerial());
    root.set("mapping", MappingFile.toJson(plan.mapping()));
    root.put("destination", plan.destination());
    EngineRelease.write(plan.engine(), root);
    ArrayNode units = root.putArray("units");
    for (PlannedUnit unit : plan.units()) {
      ObjectNode u = units.addObject();
      u.put("name", unit.name());
      u.set("store", unit.store().toJson());
      u.put("lineage", unit.lineage()).put("serial", unit.serial());
      if (unit.existing() == null) {
        u.putNull("existing");
      } else {
        u.putObject("existing")
            .put("lineage", unit.existing().lineage())
            .put("serial", unit.existing().serial())
            .put("sha256", unit.existing().sha256());
      }
      u.put("resources", unit.resources())
          .put("instances", unit.moves().size())
          .put("dropped_dependencies", unit.droppedDependencies());
      ObjectNode providers = u.putObject("providers");
      new TreeMap<>(unit.providers()).forEach(providers::put);
      unit.dependsOn().forEach(u.putArray("depends_on")::add);
      ArrayNode moves = u.putArray("moves");
      unit.moves().forEach(m -> moves.addObject().put("from", m.from()).put("to", m.to()));
    }
    plan.excluded().forEach(root.putArray("excluded")::add);
    plan.leftBehind().forEach(root.putArray("left_behind")::add);
    if (plan.accounting() != null) {
      root.putObject("accounting")
          .put("source_instances", plan.accounting().source())
          .put("unit_instances", plan.accounting().units())
          .put("excluded_instances", plan.accounting().excluded())
          .put("left_behind_instances", plan.accounting().leftBehind());
    }
    if (plan.wiring() != null) {
      ObjectNode wiring = root.putObject("wiring");
      wiring.put("config", plan.wiring().config()).put("checked", plan.wiring().checked());
      ArrayNode references = wiring.putArray("references");
      for (CrossingReference r : plan.wiring().references()) {
        ObjectNode ref =
            references
                .addObject()
                .put("unit", r.unit())
                .put("call", r.call())
                .put("argument", r.argument())
                .put("read", r.read())
                .put("dependency", r.dependency())
                .put("output", r.output());
        r.problems().forEach(ref.putArray("problems")::add);
      }
    }
    return StateJson.write(root);
  }

  /** The plan saved in {@code file}. */
  public static MigrationPlan read(Path file) {
    try {
      return read(Files.readAllBytes(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("plan " + file + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plan " + file, e);
    }
  }

  public static MigrationPlan read(byte[] bytes, String where) {
    JsonNode root;
    try {
      root = StateJson.parse(bytes, where);
    } catch (StateFormatException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          where
              + " is not a migration plan (format "
              + FORMAT
              + "); make one with: platform migrate plan --out FILE");
    }
    JsonNode source = root.path("source");
    List<PlannedUnit> units = new ArrayList<>();
    for (JsonNode u : root.path("units")) {
      JsonNode e = u.path("existing");
      PlannedUnit.Existing existing =
          e.isObject()
              ? new PlannedUnit.Existing(
                  e.path("lineage").asText(), e.path("serial").asLong(), e.path("sha256").asText())
              : null;
      List<Move> moves = new ArrayList<>();
      u.path("moves")
          .forEach(m -> moves.add(new Move(m.path("from").asText(), m.path("to").asText())));
      Map<String, String> providers = new LinkedHashMap<>();
      u.path("providers")
          .properties()
          .forEach(p -> providers.put(p.getKey(), p.getValue().asText()));
      String name = u.path("name").asText();
      List<String> dependsOn = new ArrayList<>();
      if (u.path("depends_on").isArray()) {
        for (JsonNode d : u.path("depends_on")) {
          if (units.stream().noneMatch(earlier -> earlier.name().equals(d.asText()))) {
            throw new IllegalArgumentException(
                where
                    + ": unit "
                    + name
                    + " depends on "
                    + d
                    + ", which is not a unit before it in the plan");
          }
          dependsOn.add(d.asText());
        }
      } else {
        // A plan saved before plans named dependencies: one unit after the other, as then.
        units.forEach(earlier -> dependsOn.add(earlier.name()));
      }
      units.add(
          new PlannedUnit(
              name,
              StoreSpec.fromJson(u.path("store")),
              u.path("lineage").asText(),
              u.path("serial").asLong(),
              existing,
              u.path("resources").asInt(),
              moves,
              providers,
              u.path("dropped_dependencies").asInt(),
              dependsOn));
    }
    List<String> excluded = new ArrayList<>();
    root.path("excluded").forEach(x -> excluded.add(x.asText()));
    List<String> leftBehind = new ArrayList<>();
    root.path("left_behind").forEach(x -> leftBehind.add(x.asText()));
    return new MigrationPlan(
        root.path("created").asText(),
        new SourceRef(
            source.path("spec").asText(), text(source, "region"), text(source, "lock_table")),
        source.path("sha256").asText(),
        source.path("lineage").asText(),
        source.path("serial").asLong(),
        MappingFile.parse(StateJson.write(root.path("mapping")), where + " (mapping)"),
        root.path("destination").asText(),
        units,
        excluded,
        leftBehind,
        EngineRelease.read(root),
        wiring(root.path("wiring")),
        accounting(root.path("accounting")));
  }

  private static Accounting accounting(JsonNode node) {
    return node.isObject()
        ? new Accounting(
            node.path("source_instances").asInt(),
            node.path("unit_instances").asInt(),
            node.path("excluded_instances").asInt(),
            node.path("left_behind_instances").asInt())
        : null;
  }

  private static Wiring wiring(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    List<CrossingReference> references = new ArrayList<>();
    for (JsonNode r : node.path("references")) {
      List<String> problems = new ArrayList<>();
      r.path("problems").forEach(p -> problems.add(p.asText()));
      references.add(
          new CrossingReference(
              r.path("unit").asText(),
              r.path("call").asText(),
              r.path("argument").asText(),
              r.path("read").asText(),
              text(r, "dependency"),
              text(r, "output"),
              problems));
    }
    return new Wiring(node.path("config").asText(), node.path("checked").asBoolean(), references);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
