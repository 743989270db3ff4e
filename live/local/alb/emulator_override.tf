# Emulator only (docs/emulator-gaps.md). Terraform merges this override file into the
# module's own ingress rules (listeners, and the targets' groups); the module, used as it is by staging and prod, is
# unchanged. moto drops the description of a rule that references a security group.
resource "aws_vpc_security_group_ingress_rule" "listeners" {
  lifecycle {
    ignore_changes = [description]
  }
}

resource "aws_vpc_security_group_ingress_rule" "targets" {
  lifecycle {
    ignore_changes = [description]
  }
}
