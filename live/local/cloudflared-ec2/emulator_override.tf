# Emulator only (docs/emulator-gaps.md). Terraform merges this override file into the
# module's own aws_instance.this; the module, used as it is by staging and prod, keeps
# `associate_public_ip_address = false` and its security group. moto, for an instance launched
# that way, reads associate_public_ip_address back as true (which would replace the instance
# on every plan) and lists the security groups only on the network interface, not on the
# instance (an update on every plan).
resource "aws_instance" "this" {
  lifecycle {
    ignore_changes = [associate_public_ip_address, vpc_security_group_ids]
  }
}
