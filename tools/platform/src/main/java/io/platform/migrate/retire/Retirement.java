package io.platform.migrate.retire;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.migrate.apply.SourceCheck;
import io.platform.migrate.apply.StateStores;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlannedUnit;
import io.platform.migrate.slice.MigrationRefusedException;
import io.platform.migrate.slice.Move;
import io.platform.migrate.slice.SliceResult;
import io.platform.migrate.slice.Slicer;
import io.platform.migrate.slice.UnitSlice;
import io.platform.migrate.state.TerraformState;
import io.platform.migrate.storage.S3StateStore;
import io.platform.migrate.storage.Snapshot;
import io.platform.migrate.storage.StateStore;
import io.platform.migrate.storage.StoredState;
import io.platform.migrate.wiring.MonolithConfiguration;
import io.platform.terraform.Terraform;
import io.platform.text.Count;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code migrate retire}: after {@code migrate apply}, makes an apply of the old monolith unable to
 * fight the units, without destroying anything. It writes one {@code removed} block per migrated
 * component into the monolith's configuration (destroy = false: an apply only forgets), proves with
 * a plan of that configuration against the monolith's state that every action is a forget of a
 * migrated instance, and holds the monolith's state under a lock that names the migration.
 */
public final class Retirement {
  /** The first line of the file written, which {@code --undo} looks for before removing it. */
  static final String HEADER = "# Written by platform migrate retire: ";

  private final StateStores stores;
  private final Terraform terraform;
  private final Function<Path, List<Path>> calls;
  private final Consumer<String> progress;

  public Retirement(
      StateStores stores,
      Terraform terraform,
      Function<Path, List<Path>> calls,
      Consumer<String> progress) {
    this.stores = stores;
    this.terraform = terraform;
    this.calls = calls;
    this.progress = progress;
  }

  /**
   * @param forgotten the instances the proving plan forgets, all the plan migrated
   * @param lock the lock's ID, or null where the source has no lock table to hold it in
   */
  public record Result(Path file, int forgotten, String lock) {}

  public Result retire(
      MigrationPlan plan, String planName, Path config, String fileName, Path scratch) {
    StateStore source = stores.source(plan.source());
    Snapshot snapshot = Snapshot.take(source, scratch);
    boolean retired = false;
    try {
      Result result = retire(plan, planName, config, fileName, scratch, source, snapshot);
      retired = true;
      return result;
    } finally {
      SourceCheck.report(snapshot, retired, progress);
    }
  }

  private Result retire(
      MigrationPlan plan,
      String planName,
      Path config,
      String fileName,
      Path scratch,
      StateStore source,
      Snapshot snapshot) {
    if (!snapshot.sha256().equals(plan.sourceSha256())) {
      throw new MigrationRefusedException(
          "the monolith changed since the plan (planned sha256 "
              + plan.sourceSha256()
              + ", now "
              + snapshot.sha256()
              + "): retire only what the plan migrated");
    }
    requireMigrated(plan);
    TerraformState state = TerraformState.parse(snapshot.bytes(), snapshot.location());
    SliceResult slices =
        new Slicer(plan.mapping(), n -> true, plan.destination(), Map.of()).slice(state);
    Set<String> components = new TreeSet<>();
    for (UnitSlice unit : slices.units()) {
      unit.components().forEach(c -> components.add(c.address().configPath().render()));
    }
    String blocks = removedBlocks(planName, plan.sourceSha256(), components);
    Path file = config.resolve(fileName);
    requireWritable(file, blocks);

    progress.accept(
        "retire: planning " + config + " with " + Count.of(components.size(), "removed block"));
    JsonNode changes =
        MonolithConfiguration.read(
                terraform, config, calls, snapshot.bytes(), Map.of(fileName, blocks), scratch)
            .resourceChanges();
    int forgotten = prove(changes, plan);
    write(file, blocks);
    progress.accept("retire: wrote " + file);

    String lock = null;
    if (source instanceof S3StateStore s3 && s3.location().lockTable() != null) {
      lock = lockId(plan);
      boolean taken =
          s3.lockForGood(
              lock,
              "retired by platform migrate retire",
              "moved to the units of "
                  + plan.destination()
                  + " by "
                  + planName
                  + " (sha256 "
                  + plan.sourceSha256()
                  + "); lift with: platform migrate retire "
                  + planName
                  + " --config "
                  + config
                  + " --undo");
      progress.accept(
          "retire: "
              + source.describe()
              + (taken ? " locked" : " already locked")
              + " in "
              + s3.location().lockTable()
              + " (lock ID "
              + lock
              + ")");
    } else {
      progress.accept(
          "retire: "
              + source.describe()
              + " has no lock table to hold a lock in; the removed blocks alone keep an apply from destroying");
    }
    return new Result(file, forgotten, lock);
  }

  /**
   * Lifts the lock and removes the file {@link #retire} wrote; the monolith can be applied again.
   *
   * @return what was undone, for people
   */
  public List<String> undo(MigrationPlan plan, String planName, Path config, String fileName) {
    List<String> done = new ArrayList<>();
    StateStore source = stores.source(plan.source());
    if (source instanceof S3StateStore s3 && s3.location().lockTable() != null) {
      done.add(
          s3.unlockForGood(lockId(plan))
              ? "lock " + lockId(plan) + " lifted from " + source.describe()
              : "no lock of this migration on " + source.describe());
    }
    Path file = config.resolve(fileName);
    try {
      if (Files.exists(file)) {
        if (!Files.readString(file, StandardCharsets.UTF_8).startsWith(HEADER)) {
          throw new MigrationRefusedException(
              file + " was not written by migrate retire; left as it is");
        }
        Files.delete(file);
        done.add("removed " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
    return done;
  }

  private void requireMigrated(MigrationPlan plan) {
    List<String> problems = new ArrayList<>();
    for (PlannedUnit unit : plan.units()) {
      Optional<StoredState> found = stores.destination(unit.store(), StateStores.Push.S3).read();
      String lineage =
          found
              .map(f -> TerraformState.parse(f.bytes(), unit.store().describe()).lineage())
              .orElse(null);
      if (!unit.lineage().equals(lineage)) {
        problems.add(
            "unit "
                + unit.name()
                + " does not hold this plan's state at "
                + unit.store().describe()
                + "; run migrate apply first");
      }
    }
    if (!problems.isEmpty()) {
      throw new MigrationRefusedException(problems);
    }
  }

  /** Every change of the proving plan is a forget of an instance the plan migrated, or no-op. */
  private static int prove(JsonNode changes, MigrationPlan plan) {
    Set<String> migrated =
        plan.units().stream()
            .flatMap(u -> u.moves().stream())
            .map(Move::from)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> forgotten = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode change : changes) {
      String address = change.path("address").asText();
      if (change.path("deposed").isTextual()) {
        address += " (deposed " + change.path("deposed").asText() + ")";
      }
      List<String> actions = new ArrayList<>();
      change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
      if (actions.equals(List.of("forget"))) {
        forgotten.add(address);
      } else if (!actions.equals(List.of("no-op")) && !actions.equals(List.of("read"))) {
        problems.add(address + " would " + String.join(" and ", actions));
      }
    }
    Set<String> kept = new TreeSet<>(migrated);
    kept.removeAll(forgotten);
    kept.forEach(a -> problems.add(a + " is migrated but the plan does not forget it"));
    Set<String> foreign = new TreeSet<>(forgotten);
    foreign.removeAll(migrated);
    foreign.forEach(a -> problems.add(a + " would be forgotten but is not migrated"));
    if (!problems.isEmpty()) {
      throw new MigrationRefusedException(problems);
    }
    return forgotten.size();
  }

  static String removedBlocks(String planName, String sha256, Set<String> components) {
    StringBuilder text =
        new StringBuilder(HEADER)
            .append(planName)
            .append(" (sha256 ")
            .append(sha256)
            .append(")\n")
            .append("# These modules live in their units now: an apply here forgets them, and")
            .append(" destroys nothing.\n");
    for (String component : components) {
      text.append("\nremoved {\n  from = ")
          .append(component)
          .append("\n\n  lifecycle {\n    destroy = false\n  }\n}\n");
    }
    return text.toString();
  }

  private static void requireWritable(Path file, String content) {
    try {
      if (Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
        throw new MigrationRefusedException(
            file + " exists and holds something else; move it away or retire with --file NAME");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Names the migration: the first 12 hex digits of the planned source's SHA-256. */
  static String lockId(MigrationPlan plan) {
    return "retired-"
        + plan.sourceSha256().substring(0, Math.min(12, plan.sourceSha256().length()));
  }
}
