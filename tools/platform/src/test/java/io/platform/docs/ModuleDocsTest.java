package io.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ModuleDocsTest {
  private static final String MODULE =
      """
      {"required_core": [">= 1.11"],
       "required_providers": {"aws": {"source": "hashicorp/aws", "version_constraints": [">= 5.100"]}},
       "variables": {
         "name": {"name": "name", "type": "string", "description": "Name | prefix", "required": true},
         "flow_log": {"name": "flow_log", "type": "object({\\n  enabled = optional(bool, false)\\n})",
                      "description": "Flow logs.", "default": {}, "required": false}},
       "outputs": {"vpc_id": {"name": "vpc_id", "description": "ID of the VPC."}},
       "managed_resources": {"aws_vpc.this": {}},
       "data_resources": {"data.aws_iam_policy_document.x": {}},
       "module_calls": {}}
      """;

  @Test
  void rendersTablesInTerraformDocsLayout() throws Exception {
    String docs = ModuleDocs.render(new ObjectMapper().readTree(MODULE));

    assertThat(docs).startsWith(ModuleDocs.BEGIN).endsWith(ModuleDocs.END + "\n");
    assertThat(docs).contains("| terraform | >= 1.11 |", "| aws | >= 5.100 |");
    assertThat(docs)
        .contains(
            "| `aws_vpc.this` | resource |", "| `data.aws_iam_policy_document.x` | data source |");
    assertThat(docs).contains("| `name` | Name \\| prefix | `string` | n/a | yes |");
    assertThat(docs)
        .contains("<pre>object({<br>  enabled = optional(bool, false)<br>})</pre> | `{}` | no |");
    assertThat(docs).contains("| `vpc_id` | ID of the VPC. |");
  }

  @Test
  void updateReplacesOnlyTheGeneratedSection() {
    String readme =
        "# vpc\n\nProse.\n\n" + ModuleDocs.BEGIN + "\nold\n" + ModuleDocs.END + "\n\nMore prose.\n";

    String updated =
        ModuleDocs.update(readme, ModuleDocs.BEGIN + "\nnew\n" + ModuleDocs.END + "\n");

    assertThat(updated)
        .isEqualTo(
            "# vpc\n\nProse.\n\n"
                + ModuleDocs.BEGIN
                + "\nnew\n"
                + ModuleDocs.END
                + "\n\nMore prose.\n");
    assertThat(ModuleDocs.update("# x\n", "GEN\n")).isEqualTo("# x\n\nGEN\n");
  }
}
