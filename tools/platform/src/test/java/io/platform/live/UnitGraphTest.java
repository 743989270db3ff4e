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
        List.of("eks", "zzz", "vpc", "cloudflared-ec2").stream().map(n -> new Unit(Path.of(n), n)).toList();

    assertThat(graph().ordered(units)).extracting(Unit::name).containsExactly("vpc", "cloudflared-ec2", "eks", "zzz");
  }

  @Test
  void restrictedToSomeUnitsTheyWaitForEachOtherThroughUnitsLeftOutAndTheLongestChainLeads() throws Exception {
    UnitGraph graph = UnitGraph.fromFindJson(new ObjectMapper().readTree(
        """
        [{"path": "vpc"}, {"path": "athena"},
         {"path": "cloudflared-ec2", "dependencies": ["vpc"]},
         {"path": "eks", "dependencies": ["cloudflared-ec2"]},
         {"path": "alb", "dependencies": ["eks", "vpc"]}]
        """));

    UnitGraph some = graph.restrictedTo(List.of("alb", "zzz", "eks", "vpc", "athena"));

    // vpc heads the longest chain (vpc, eks, alb), so it and eks go before athena.
    assertThat(some.order()).containsExactly("vpc", "eks", "athena", "alb", "zzz");
    assertThat(some.dependencies()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "vpc", List.of(), "athena", List.of(), "eks", List.of("vpc"), "alb", List.of("eks", "vpc"), "zzz", List.of()));
  }

  @Test
  void rendersMermaidAndDotWithAnEdgePerDependency() throws Exception {
    assertThat(graph().mermaid())
        .startsWith("flowchart TD\n")
        .contains("u_cloudflared_ec2[\"cloudflared-ec2\"]", "u_eks --> u_cloudflared_ec2", "u_eks --> u_vpc");
    assertThat(graph().dot()).contains("\"eks\" -> \"vpc\";", "\"cloudflared-ec2\" -> \"vpc\";").endsWith("}\n");
  }
}
