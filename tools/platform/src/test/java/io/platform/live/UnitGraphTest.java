package io.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitGraphTest {
  private static final String FOUND =
      """
      [{"type": "unit", "path": "vpc"},
       {"type": "unit", "path": "cloudflared-ec2", "dependencies": ["vpc"]},
       {"type": "unit", "path": "eks", "dependencies": ["vpc", "cloudflared-ec2"]},
       {"type": "stack", "path": "ignored"}]
      """;

  private static UnitGraph graph() throws Exception {
    return UnitGraph.fromFindJson(new ObjectMapper().readTree(FOUND));
  }

  @Test
  void keepsTerragruntsRunOrderAndSkipsStacks() throws Exception {
    assertThat(graph().order()).containsExactly("vpc", "cloudflared-ec2", "eks");
    assertThat(graph().dependencies()).containsEntry("eks", List.of("vpc", "cloudflared-ec2"));
  }

  @Test
  void ordersUnitsDependenciesFirstAndUnknownUnitsLast() throws Exception {
    List<Unit> units =
        List.of("eks", "zzz", "vpc", "cloudflared-ec2").stream()
            .map(n -> new Unit(Path.of(n), n))
            .toList();

    assertThat(graph().ordered(units))
        .extracting(Unit::name)
        .containsExactly("vpc", "cloudflared-ec2", "eks", "zzz");
  }

  @Test
  void restrictedToSomeUnitsTheyWaitForEachOtherThroughUnitsLeftOutAndTheLongestChainLeads()
      throws Exception {
    UnitGraph graph =
        UnitGraph.fromFindJson(
            new ObjectMapper()
                .readTree(
                    """
        [{"path": "vpc"}, {"path": "athena"},
         {"path": "cloudflared-ec2", "dependencies": ["vpc"]},
         {"path": "eks", "dependencies": ["cloudflared-ec2"]},
         {"path": "alb", "dependencies": ["eks", "vpc"]}]
        """));

    UnitGraph some = graph.restrictedTo(List.of("alb", "zzz", "eks", "vpc", "athena"));

    // vpc heads the longest chain (vpc, eks, alb), so it and eks go before athena.
    assertThat(some.order()).containsExactly("vpc", "eks", "athena", "alb", "zzz");
    assertThat(some.dependencies())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "vpc",
                List.of(),
                "athena",
                List.of(),
                "eks",
                List.of("vpc"),
                "alb",
                List.of("eks", "vpc"),
                "zzz",
                List.of()));
  }

  @Test
  void rendersMermaidAndDotWithAnEdgePerDependency() throws Exception {
    assertThat(graph().mermaid())
        .startsWith("flowchart TD\n")
        .contains(
            "u0[\"vpc\"]",
            "u1[\"cloudflared-ec2\"]",
            "u2[\"eks\"]",
            "u2 --> u1",
            "u2 --> u0",
            "u1 --> u0");
    assertThat(graph().dot())
        .contains("\"eks\" -> \"vpc\";", "\"cloudflared-ec2\" -> \"vpc\";")
        .endsWith("}\n");
  }

  @Test
  void namesThatMapToTheSameCharactersStayDistinctNodesWithTheirOwnLabels() throws Exception {
    UnitGraph graph =
        UnitGraph.fromFindJson(
            new ObjectMapper()
                .readTree(
                    """
        [{"path": "net/a-b"}, {"path": "net/a_b", "dependencies": ["net/a-b"]}, {"path": "dbü"}, {"path": "db_"}]
        """));

    String mermaid = graph.mermaid();

    assertThat(
            mermaid
                .lines()
                .filter(l -> l.contains("[\""))
                .map(l -> l.strip().substring(0, l.strip().indexOf('[')))
                .distinct()
                .count())
        .isEqualTo(4);
    assertThat(mermaid).contains("[\"net/a-b\"]", "[\"net/a_b\"]", "[\"dbü\"]", "[\"db_\"]");
  }

  @Test
  void escapesQuotesAndMarkupInLabels() throws Exception {
    UnitGraph graph =
        UnitGraph.fromFindJson(
            new ObjectMapper()
                .readTree(
                    """
        [{"path": "say \\"hi\\""}, {"path": "a<b>&c #1; `x` | y", "dependencies": ["say \\"hi\\""]}, {"path": "back\\\\"}]
        """));

    assertThat(graph.mermaid())
        .contains("[\"say #quot;hi#quot;\"]", "[\"a#lt;b#gt;#amp;c #35;1; #96;x#96; | y\"]")
        .doesNotContain("say \"hi");
    assertThat(graph.dot())
        .contains(
            "\"say \\\"hi\\\"\";",
            "\"back\\\\\";",
            "\"a<b>&c #1; `x` | y\" -> \"say \\\"hi\\\"\";");
  }

  @Test
  void dependenciesOutsideTheTreeAreNodesLabelledWithTheirPath() throws Exception {
    UnitGraph graph =
        UnitGraph.fromFindJson(
            new ObjectMapper()
                .readTree(
                    """
        [{"path": "vpc", "dependencies": ["../shared/dns"]}]
        """));

    assertThat(graph.mermaid()).contains("[\"../shared/dns\"]");
  }

  @Test
  void edgesAreRenderedInTheSameOrderWhateverOrderTerragruntListedThem() throws Exception {
    UnitGraph one =
        UnitGraph.fromFindJson(
            new ObjectMapper()
                .readTree(
                    "[{\"path\": \"a\"}, {\"path\": \"b\"}, {\"path\": \"c\", \"dependencies\": [\"a\", \"b\"]}]"));
    UnitGraph other =
        UnitGraph.fromFindJson(
            new ObjectMapper()
                .readTree(
                    "[{\"path\": \"a\"}, {\"path\": \"b\"}, {\"path\": \"c\", \"dependencies\": [\"b\", \"a\"]}]"));

    assertThat(other.mermaid()).isEqualTo(one.mermaid());
    assertThat(other.dot()).isEqualTo(one.dot());
  }

  @Test
  void namesTheUnitsTerragruntLeftOutOfTheGraph() throws Exception {
    // Terragrunt drops the units of a dependency cycle from find's output, warning only on stderr.
    UnitGraph graph =
        UnitGraph.fromFindJson(
            new ObjectMapper().readTree("[{\"path\": \".\"}, {\"path\": \"c\"}]"));
    Path root = Path.of("/live/prod");
    List<Unit> units =
        List.of("prod", "a", "b", "c").stream()
            .map(n -> new Unit(n.equals("prod") ? root : root.resolve(n), n))
            .toList();

    assertThat(graph.leftOut(root, units)).containsExactly("a", "b");
  }
}
