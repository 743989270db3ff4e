provider "aws" {
  region = var.region
}

data "aws_availability_zones" "available" {
  # checkov:skip=CKV_AWS_394: the example takes the first two zones of whichever region it runs in
  state = "available"
}

module "vpc" {
  source = "../../../vpc"

  name = var.name
  cidr = "10.96.0.0/16"
  azs  = slice(data.aws_availability_zones.available.names, 0, 2)

  public_subnets  = ["10.96.0.0/24", "10.96.1.0/24"]
  private_subnets = ["10.96.10.0/24", "10.96.11.0/24"]
  nat_gateway     = "none"

  tags = {
    Example = "alb-complete"
  }
}

# Stands in for the Cloudflare Tunnel connector's security group (modules/cloudflared-ec2).
resource "aws_security_group" "tunnel" {
  # checkov:skip=CKV2_AWS_5: a stand-in: the rules under test reference it, no instance needs it
  name_prefix = "${var.name}-tunnel-"
  description = "Stand-in for the tunnel connector"
  vpc_id      = module.vpc.vpc_id

  tags = {
    Example = "alb-complete"
  }
}

# Stands in for the EKS node security group that the pods behind the target groups carry.
resource "aws_security_group" "nodes" {
  # checkov:skip=CKV2_AWS_5: a stand-in: the rules under test reference it, no instance needs it
  name_prefix = "${var.name}-nodes-"
  description = "Stand-in for the EKS nodes"
  vpc_id      = module.vpc.vpc_id

  tags = {
    Example = "alb-complete"
  }
}

# An imported certificate (e.g. a Cloudflare origin certificate) when one is given.
resource "aws_acm_certificate" "this" {
  count = var.certificate_body == null ? 0 : 1

  certificate_body = var.certificate_body
  private_key      = var.certificate_private_key

  tags = {
    Example = "alb-complete"
  }

  lifecycle {
    create_before_destroy = true
  }
}

module "alb" {
  # checkov:skip=CKV_AWS_150: a throwaway example; the module's default (and prod) keeps deletion protection on
  source = "../../"

  name           = var.name
  vpc_id         = module.vpc.vpc_id
  vpc_cidr_block = module.vpc.vpc_cidr_block
  subnet_ids     = module.vpc.private_subnets

  allowed_security_group_ids = [aws_security_group.tunnel.id]
  target_security_group_ids  = [aws_security_group.nodes.id]
  https                      = var.certificate_body == null ? null : { certificate_arn = aws_acm_certificate.this[0].arn }

  target_groups = {
    web = {
      port          = 8080
      priority      = 10
      host_headers  = ["app.example.com"]
      path_patterns = ["/*"]
    }
    api = {
      port          = 9090
      priority      = 20
      path_patterns = ["/api/*"]
      health_check  = { path = "/api/health" }
    }
  }
  default_target_group = "web"

  # A throwaway example.
  deletion_protection = false

  tags = {
    Example = "alb-complete"
  }
}
