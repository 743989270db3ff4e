locals {
  https = var.https != null

  # Rules and the default action live on the listener that serves: HTTPS when a certificate
  # is given, HTTP otherwise.
  serving_listener_arn = local.https ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn
  listener_ports       = local.https ? [80, 443] : [80]

  # The load balancer sends only to its targets inside the VPC.
  target_ports = toset([for tg in var.target_groups : tostring(tg.port)])
}

################################################################################
# Load balancer: internal only
################################################################################

resource "aws_lb" "this" {
  # checkov:skip=CKV2_AWS_28: internal only; requests arrive through Cloudflare's edge (WAF, Access) and the tunnel
  # checkov:skip=CKV_AWS_91: access logs are an option (var.access_logs) that needs a bucket with the ELB delivery policy
  name               = var.name
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.this.id]

  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = var.idle_timeout

  dynamic "access_logs" {
    for_each = var.access_logs.enabled ? [var.access_logs] : []

    content {
      enabled = true
      bucket  = access_logs.value.bucket
      prefix  = access_logs.value.prefix
    }
  }

  tags = merge({ Name = var.name }, var.tags)
}

################################################################################
# Listeners
################################################################################

resource "aws_lb_listener" "https" {
  count = local.https ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.https.ssl_policy
  certificate_arn   = var.https.certificate_arn

  default_action {
    type             = var.default_target_group == null ? "fixed-response" : "forward"
    target_group_arn = var.default_target_group == null ? null : aws_lb_target_group.this[var.default_target_group].arn

    dynamic "fixed_response" {
      for_each = var.default_target_group == null ? [1] : []

      content {
        content_type = "text/plain"
        message_body = "Not Found"
        status_code  = "404"
      }
    }
  }

  tags = merge({ Name = "${var.name}-https" }, var.tags)
}

# With a certificate: a permanent redirect to HTTPS. Without: the serving listener.
resource "aws_lb_listener" "http" {
  # checkov:skip=CKV_AWS_2: without a certificate the ALB serves HTTP inside the VPC only; TLS ends at Cloudflare and the tunnel (see README)
  # checkov:skip=CKV_AWS_103: same listener; with a certificate it only redirects to HTTPS
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https ? "redirect" : (var.default_target_group == null ? "fixed-response" : "forward")
    target_group_arn = !local.https && var.default_target_group != null ? aws_lb_target_group.this[var.default_target_group].arn : null

    dynamic "redirect" {
      for_each = local.https ? [1] : []

      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }

    dynamic "fixed_response" {
      for_each = !local.https && var.default_target_group == null ? [1] : []

      content {
        content_type = "text/plain"
        message_body = "Not Found"
        status_code  = "404"
      }
    }
  }

  tags = merge({ Name = "${var.name}-http" }, var.tags)
}

################################################################################
# Target groups (pod IPs) and the rules that route to them
################################################################################

resource "aws_lb_target_group" "this" {
  # checkov:skip=CKV_AWS_378: HTTP to pods inside the VPC; set protocol = "HTTPS" per target group where pods serve TLS
  for_each = var.target_groups

  name                 = "${var.name}-${each.key}"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  port                 = each.value.port
  protocol             = each.value.protocol
  deregistration_delay = each.value.deregistration_delay

  health_check {
    enabled             = true
    protocol            = each.value.protocol
    port                = "traffic-port"
    path                = each.value.health_check.path
    matcher             = each.value.health_check.matcher
    interval            = each.value.health_check.interval
    timeout             = each.value.health_check.timeout
    healthy_threshold   = each.value.health_check.healthy_threshold
    unhealthy_threshold = each.value.health_check.unhealthy_threshold
  }

  tags = merge({ Name = "${var.name}-${each.key}" }, var.tags)
}

resource "aws_lb_listener_rule" "this" {
  for_each = var.target_groups

  listener_arn = local.serving_listener_arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.key].arn
  }

  dynamic "condition" {
    for_each = length(each.value.host_headers) > 0 ? [each.value.host_headers] : []

    content {
      host_header {
        values = condition.value
      }
    }
  }

  dynamic "condition" {
    for_each = length(each.value.path_patterns) > 0 ? [each.value.path_patterns] : []

    content {
      path_pattern {
        values = condition.value
      }
    }
  }

  tags = merge({ Name = "${var.name}-${each.key}" }, var.tags)
}

################################################################################
# Security group: in only from the allowed groups, out only to the VPC; the targets' groups
# admit the load balancer on the target ports
################################################################################

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-alb-"
  description = "Internal ALB ${var.name}: listeners open to the allowed security groups only"
  vpc_id      = var.vpc_id

  tags = merge({ Name = "${var.name}-alb" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "listeners" {
  # Keyed by position and port: the group IDs may be unknown until apply.
  for_each = {
    for pair in setproduct(range(length(var.allowed_security_group_ids)), local.listener_ports) :
    "${pair[0]}-${pair[1]}" => { group = var.allowed_security_group_ids[pair[0]], port = pair[1] }
  }

  security_group_id            = aws_security_group.this.id
  description                  = "Listener ${each.value.port} from an allowed security group"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.group

  tags = merge({ Name = "${var.name}-alb-in-${each.value.port}" }, var.tags)
}

resource "aws_vpc_security_group_egress_rule" "targets" {
  for_each = local.target_ports

  security_group_id = aws_security_group.this.id
  description       = "Targets and health checks on ${each.key} inside the VPC"
  ip_protocol       = "tcp"
  from_port         = each.key
  to_port           = each.key
  cidr_ipv4         = var.vpc_cidr_block

  tags = merge({ Name = "${var.name}-alb-out-${each.key}" }, var.tags)
}

resource "aws_vpc_security_group_ingress_rule" "targets" {
  # Keyed by position and port: the group IDs may be unknown until apply.
  for_each = {
    for pair in setproduct(range(length(var.target_security_group_ids)), local.target_ports) :
    "${pair[0]}-${pair[1]}" => { group = var.target_security_group_ids[pair[0]], port = pair[1] }
  }

  security_group_id            = each.value.group
  description                  = "Targets on ${each.value.port} from the ALB ${var.name}"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.this.id

  tags = merge({ Name = "${var.name}-alb-to-targets-${each.value.port}" }, var.tags)
}
