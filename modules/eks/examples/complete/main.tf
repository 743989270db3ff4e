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
  cidr = "10.97.0.0/16"
  azs  = slice(data.aws_availability_zones.available.names, 0, 2)

  public_subnets  = ["10.97.0.0/24", "10.97.1.0/24"]
  private_subnets = ["10.97.10.0/24", "10.97.11.0/24"]
  nat_gateway     = "single"

  tags = {
    Example = "eks-complete"
  }
}

# Stands in for the Cloudflare Tunnel connector's security group (modules/cloudflared-ec2).
resource "aws_security_group" "tunnel" {
  # checkov:skip=CKV2_AWS_5: a stand-in: the rules under test reference it, no instance needs it
  name_prefix = "${var.name}-tunnel-"
  description = "Stand-in for the tunnel connector"
  vpc_id      = module.vpc.vpc_id

  tags = {
    Example = "eks-complete"
  }
}

module "eks" {
  source = "../../"

  name       = var.name
  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets

  allowed_security_group_ids = [aws_security_group.tunnel.id]

  node_group = {
    instance_types = ["t4g.medium"]
    min_size       = 1
    desired_size   = 1
    max_size       = 2
  }

  log_retention_in_days           = 7
  kms_key_deletion_window_in_days = 7

  addons = var.addons

  tags = {
    Example = "eks-complete"
  }
}
