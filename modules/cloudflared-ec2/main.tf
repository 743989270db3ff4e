data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  kms_key_arn = coalesce(var.kms_key_arn, try(module.kms[0].key_arn, null))

  # The connector runs as this nologin system user, never as root.
  service_user = "cloudflared"

  # How long the first boot waits for the cloudflare-tunnel unit to write the token.
  token_wait_seconds = 1800

  # cloudflared's metrics server (Prometheus metrics, /ready, and Go's pprof handlers): on
  # loopback only, read by the readiness timer on the same host.
  metrics_address = "127.0.0.1:20241"

  user_data = templatefile("${path.module}/templates/user-data.sh.tftpl", {
    service_user             = local.service_user
    token_secret_arn         = aws_secretsmanager_secret.token.arn
    token_wait_seconds       = local.token_wait_seconds
    cloudflared_version      = var.cloudflared_version
    cloudflared_repo_baseurl = var.cloudflared_repository.baseurl
    cloudflared_repo_gpgkey  = var.cloudflared_repository.gpgkey
    metrics_address          = local.metrics_address
    readiness_script = templatefile("${path.module}/templates/readiness.sh.tftpl", {
      metrics_address = local.metrics_address
      namespace       = var.metrics_namespace
      group_name      = local.group_name
    })
  })

  # The group's name is fixed rather than generated: the boot script names it in the metrics it
  # publishes, and the launch template that carries the script cannot refer to the group.
  group_name = var.name

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
# Connectors: replicas of one tunnel (the same token), one launch template, an Auto Scaling
# group over private subnets in distinct zones
################################################################################

data "aws_subnet" "this" {
  count = var.subnet_zones == null ? length(var.subnet_ids) : 0

  id = var.subnet_ids[count.index]
}

data "aws_ami" "this" {
  filter {
    name   = "image-id"
    values = [var.ami_id]
  }
}

locals {
  subnet_zones = distinct(coalesce(var.subnet_zones, [for subnet in data.aws_subnet.this : subnet.availability_zone]))
  # The image's root device gets the encrypted gp3 volume (any other device name would add a
  # second volume and leave the root as the image has it), by default as large as its snapshot.
  root_snapshot_size = one([
    for mapping in data.aws_ami.this.block_device_mappings : tonumber(mapping.ebs.volume_size)
    if mapping.device_name == data.aws_ami.this.root_device_name && can(mapping.ebs.volume_size)
  ])
  root_volume_size = coalesce(var.root_volume_size, local.root_snapshot_size, 8)
}

resource "aws_launch_template" "this" {
  name_prefix = "${var.name}-"
  description = "Cloudflare Tunnel connector ${var.name}"

  image_id      = var.ami_id
  instance_type = var.instance_type
  ebs_optimized = true
  # The boot script: a new version (a new cloudflared pin, another secret) is a new template
  # version, which the group rolls out by instance refresh.
  user_data              = base64encode(local.user_data)
  update_default_version = true

  iam_instance_profile {
    arn = aws_iam_instance_profile.this.arn
  }

  monitoring {
    enabled = var.detailed_monitoring
  }

  # No public address and no key pair: shell access is Session Manager, through the role.
  network_interfaces {
    associate_public_ip_address = false
    delete_on_termination       = true
    security_groups             = [aws_security_group.this.id]
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = data.aws_ami.this.root_device_name

    ebs {
      volume_type           = "gp3"
      volume_size           = local.root_volume_size
      encrypted             = true
      kms_key_id            = local.kms_key_arn
      delete_on_termination = true
    }
  }

  dynamic "credit_specification" {
    for_each = local.burstable ? [var.cpu_credits] : []

    content {
      cpu_credits = credit_specification.value
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge({ Name = var.name }, var.tags, var.instance_tags)
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge({ Name = "${var.name}-root" }, var.tags, var.instance_tags)
  }

  tags = merge({ Name = var.name }, var.tags)

  lifecycle {
    precondition {
      condition     = data.aws_ami.this.architecture == "arm64"
      error_message = "ami_id ${var.ami_id} is a ${data.aws_ami.this.architecture} image; the connector runs on Graviton (arm64) instance types."
    }

    precondition {
      condition     = local.root_volume_size >= coalesce(local.root_snapshot_size, 0)
      error_message = "root_volume_size (${local.root_volume_size} GiB) is smaller than the ${coalesce(local.root_snapshot_size, 0)} GiB root snapshot of ami_id ${var.ami_id}; raise it or leave it null to take the snapshot's size."
    }
  }
}

resource "aws_autoscaling_group" "this" {
  name = local.group_name

  # A fixed number of replicas. The maximum leaves room for an instance refresh to start every
  # replacement before it stops an old connector.
  min_size            = var.replicas
  max_size            = var.replicas * 2
  desired_capacity    = var.replicas
  vpc_zone_identifier = var.subnet_ids

  health_check_type         = "EC2"
  health_check_grace_period = var.instance_warmup_seconds

  launch_template {
    id      = aws_launch_template.this.id
    version = aws_launch_template.this.latest_version
  }

  # A new template version (image, boot script, instance type) replaces the connectors without
  # ever having fewer than `replicas` of them: each replacement is launched and warmed up before
  # the connector it replaces is terminated.
  instance_refresh {
    strategy = "Rolling"

    preferences {
      min_healthy_percentage = 100
      max_healthy_percentage = 200
      instance_warmup        = var.instance_warmup_seconds
    }
  }

  dynamic "tag" {
    for_each = merge({ Name = var.name }, var.tags)

    content {
      key   = tag.key
      value = tag.value
      # The launch template tags the instances and their volumes.
      propagate_at_launch = false
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.subnet_zones) == length(var.subnet_ids)
      error_message = "subnet_ids must lie in distinct availability zones (they span ${join(", ", local.subnet_zones)}): two subnets of one zone do not spread the replicas."
    }

    precondition {
      condition     = var.replicas == 1 || length(var.subnet_ids) >= 2
      error_message = "${var.replicas} replicas need subnet_ids in at least two availability zones, or losing one zone loses every connector."
    }
  }
}
