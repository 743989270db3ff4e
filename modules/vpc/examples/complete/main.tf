provider "aws" {
  region = var.region
}

data "aws_availability_zones" "available" {
  # checkov:skip=CKV_AWS_394: the example takes the first two zones of whichever region it runs in
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 2)
}

module "vpc" {
  source = "../../"

  name = var.name
  cidr = "10.99.0.0/16"
  azs  = local.azs

  public_subnets  = ["10.99.0.0/24", "10.99.1.0/24"]
  private_subnets = ["10.99.10.0/24", "10.99.11.0/24"]

  nat_gateway = "single"
  flow_log = {
    enabled           = true
    retention_in_days = 7
  }

  # What a private instance needs for Session Manager and its secrets, without the internet.
  vpc_endpoints = ["ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "sts"]

  tags = {
    Example = "vpc-complete"
  }
}
