package io.platform.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.live.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardTest {

  @Test
  void everyUnitLandsInExactlyOneShareWhateverTheCountAndTheTimes() {
    Random random = new Random(20261207);
    for (int size : new int[] {0, 1, 2, 7, 30, 101}) {
      List<Unit> units = units(size);
      Map<String, Long> millis = new HashMap<>();
      units.forEach(
          u -> {
            if (random.nextInt(4) > 0) {
              millis.put(u.name(), 1000L + random.nextInt(60_000));
            }
          });
      for (int count = 1; count <= 6; count++) {
        List<Unit> union = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
          union.addAll(new Shard(index, count).of(units, millis));
        }
        assertThat(union)
            .as(size + " units in " + count + " shares")
            .hasSize(size)
            .doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(units);
      }
    }
  }

  @Test
  void sharesKeepTheGivenOrderAndAreTheSameEveryTime() {
    List<Unit> units = units(10);

    List<Unit> first = new Shard(2, 3).of(units, Map.of());

    assertThat(first)
        .isSortedAccordingTo((a, b) -> Integer.compare(units.indexOf(a), units.indexOf(b)));
    assertThat(new Shard(2, 3).of(units, Map.of())).isEqualTo(first);
  }

  @Test
  void withoutTimesTheSharesDifferByAtMostOneUnit() {
    List<Unit> units = units(11);

    assertThat(new Shard(1, 3).of(units, Map.of())).hasSize(4);
    assertThat(new Shard(2, 3).of(units, Map.of())).hasSize(4);
    assertThat(new Shard(3, 3).of(units, Map.of())).hasSize(3);
  }

  @Test
  void withTimesTheLongestUnitGetsAShareOfItsOwn() {
    List<Unit> units = units(5);
    Map<String, Long> millis =
        Map.of("u0", 100_000L, "u1", 20_000L, "u2", 20_000L, "u3", 20_000L, "u4", 20_000L);

    assertThat(new Shard(1, 2).of(units, millis)).extracting(Unit::name).containsExactly("u0");
    assertThat(new Shard(2, 2).of(units, millis))
        .extracting(Unit::name)
        .containsExactly("u1", "u2", "u3", "u4");
  }

  @Test
  void refusesWhatNamesNoShare() {
    assertThatThrownBy(() -> Shard.parse("0/2")).hasMessageContaining("1 <= K <= N");
    assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("1 <= K <= N");
    assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("1 <= K <= N");
    assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("expected K/N");
    assertThatThrownBy(() -> Shard.parse("1/2/3")).hasMessageContaining("expected K/N");
    assertThat(Shard.parse(" 2/2 ")).isEqualTo(new Shard(2, 2));
  }

  private static List<Unit> units(int count) {
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      units.add(new Unit(Path.of("/live/u" + i), "u" + i));
    }
    return units;
  }
}
