# Emulator only (docs/emulator-gaps.md). Terraform merges this override file into the
# module's own listener ingress rules; the module, used as it is by staging and prod, is
# unchanged. moto drops the description of a rule that references a security group.
resource "aws_vpc_security_group_ingress_rule" "listeners" {
  lifecycle {
    ignore_changes = [description]
  }
}
