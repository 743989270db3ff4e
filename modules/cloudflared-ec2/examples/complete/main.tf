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
  cidr = "10.98.0.0/16"
  azs  = slice(data.aws_availability_zones.available.names, 0, 2)

  public_subnets  = ["10.98.0.0/24", "10.98.1.0/24"]
  private_subnets = ["10.98.10.0/24", "10.98.11.0/24"]
  nat_gateway     = "single"

  # Session Manager and the token secret without leaving the VPC.
  vpc_endpoints = ["ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms"]

  tags = {
    Example = "cloudflared-ec2-complete"
  }
}

module "cloudflared" {
  source = "../../"

  name       = var.name
  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets
  ami_id     = var.ami_id

  # Two replicas of the tunnel, one per zone.
  replicas = 2

  # A throwaway example: nothing to recover after destroy.
  kms_key_deletion_window_in_days      = 7
  token_secret_recovery_window_in_days = 0

  tags = {
    Example = "cloudflared-ec2-complete"
  }
}
