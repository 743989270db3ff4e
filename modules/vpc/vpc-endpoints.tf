################################################################################
# Interface VPC endpoints (SSM, Secrets Manager, ...) in the private subnets
################################################################################

locals {
  create_vpc_endpoints = length(var.vpc_endpoints) > 0
}

data "aws_region" "current" {
  count = local.create_vpc_endpoints ? 1 : 0
}

# One group for every endpoint: HTTPS from inside the VPC, nothing else. Security groups are
# stateful, so the endpoints need no egress rule to answer.
resource "aws_security_group" "vpc_endpoints" {
  count = local.create_vpc_endpoints ? 1 : 0

  name_prefix = "${var.name}-vpce-"
  description = "Interface VPC endpoints of ${var.name}: HTTPS from the VPC only"
  vpc_id      = aws_vpc.this.id

  tags = merge({ Name = "${var.name}-vpc-endpoints" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "vpc_endpoints_https" {
  count = local.create_vpc_endpoints ? 1 : 0

  security_group_id = aws_security_group.vpc_endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.this.cidr_block

  tags = merge({ Name = "${var.name}-vpc-endpoints-https" }, var.tags)
}

resource "aws_vpc_endpoint" "this" {
  for_each = var.vpc_endpoints

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current[0].name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.vpc_endpoints[0].id]
  private_dns_enabled = true

  tags = merge({ Name = "${var.name}-${each.key}" }, var.tags)
}
