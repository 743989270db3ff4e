# Emulator only (docs/emulator-gaps.md). Terraform merges this override file into the module's
# own aws_launch_template.this; the module, used as it is by staging and prod, keeps its tags.
# moto returns the template's own tags (resource type "launch-template") among the tag
# specifications of the instances it launches, which would be an update on every plan.
resource "aws_launch_template" "this" {
  lifecycle {
    ignore_changes = [tag_specifications]
  }
}
