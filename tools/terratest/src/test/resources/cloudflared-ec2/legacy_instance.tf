# The connector as modules/cloudflared-ec2 ran it before the Auto Scaling group: one instance in
# the first private subnet, from the same role, security group, key and boot script. Copied into
# the module by CloudflaredEc2ModuleIT to stand up an environment of that time, then removed to
# cut over the way docs/runbooks/cloudflared.md says.
resource "aws_instance" "this" {
  ami                         = var.ami_id
  instance_type               = var.instance_type
  iam_instance_profile        = aws_iam_instance_profile.this.name
  subnet_id                   = var.subnet_ids[0]
  vpc_security_group_ids      = [aws_security_group.this.id]
  associate_public_ip_address = false
  user_data                   = local.user_data
  user_data_replace_on_change = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    volume_type = "gp3"
    volume_size = local.root_volume_size
    encrypted   = true
    kms_key_id  = local.kms_key_arn
  }

  tags = merge({ Name = var.name }, var.tags)

  # What moto reads back differently for a lone instance (docs/emulator-gaps.md).
  lifecycle {
    ignore_changes = [associate_public_ip_address, vpc_security_group_ids]
  }
}
