data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  kms_key_arn = coalesce(var.kms_key_arn, try(aws_kms_key.this[0].arn, null))

  # The connector runs as this nologin system user, never as root.
  service_user = "cloudflared"

  # How long the first boot waits for the cloudflare-tunnel unit to write the token.
  token_wait_seconds = 1800

  user_data = templatefile("${path.module}/templates/user-data.sh.tftpl", {
    service_user             = local.service_user
    token_secret_arn         = aws_secretsmanager_secret.token.arn
    token_wait_seconds       = local.token_wait_seconds
    cloudflared_version      = var.cloudflared_version
    cloudflared_repo_baseurl = var.cloudflared_repository.baseurl
    cloudflared_repo_gpgkey  = var.cloudflared_repository.gpgkey
  })

  burstable = startswith(var.instance_type, "t")
}

################################################################################
# Security group: no inbound rule at all; outbound only to Cloudflare's edge and HTTPS
################################################################################

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  description = "Cloudflare Tunnel connector ${var.name}: no inbound, egress to 7844 (tunnel) and 443 only"
  vpc_id      = var.vpc_id

  tags = merge({ Name = var.name }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

locals {
  egress_rules = merge(
    { for cidr in var.tunnel_egress_cidr_blocks : "quic ${cidr}" => { protocol = "udp", port = 7844, cidr = cidr, description = "Tunnel to Cloudflare (QUIC)" } },
    { for cidr in var.tunnel_egress_cidr_blocks : "http2 ${cidr}" => { protocol = "tcp", port = 7844, cidr = cidr, description = "Tunnel to Cloudflare (HTTP/2 fallback)" } },
    { for cidr in var.https_egress_cidr_blocks : "https ${cidr}" => { protocol = "tcp", port = 443, cidr = cidr, description = "HTTPS: packages, Cloudflare API, SSM and Secrets Manager" } },
  )
}

resource "aws_vpc_security_group_egress_rule" "this" {
  for_each = local.egress_rules

  security_group_id = aws_security_group.this.id
  description       = each.value.description
  ip_protocol       = each.value.protocol
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr

  tags = merge({ Name = "${var.name}-${split(" ", each.key)[0]}" }, var.tags)
}

################################################################################
# Instance: private subnet, no public address, no key pair, IMDSv2 only
################################################################################

resource "aws_instance" "this" {
  # checkov:skip=CKV_AWS_126: one-minute metrics are billed; var.detailed_monitoring turns them on (prod does)
  ami                  = var.ami_id
  instance_type        = var.instance_type
  iam_instance_profile = aws_iam_instance_profile.this.name
  ebs_optimized        = true
  monitoring           = var.detailed_monitoring

  # A private subnet and no public address. No key pair either: shell access is Session
  # Manager, through the instance role.
  subnet_id                   = var.subnet_id
  vpc_security_group_ids      = [aws_security_group.this.id]
  associate_public_ip_address = false

  # A new version of the script (a new cloudflared pin, a new secret) is a new instance.
  user_data                   = local.user_data
  user_data_replace_on_change = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size
    encrypted             = true
    kms_key_id            = local.kms_key_arn
    delete_on_termination = true

    tags = merge({ Name = "${var.name}-root" }, var.tags, var.instance_tags)
  }

  dynamic "credit_specification" {
    for_each = local.burstable ? [var.cpu_credits] : []

    content {
      cpu_credits = credit_specification.value
    }
  }

  tags = merge({ Name = var.name }, var.tags, var.instance_tags)
}
