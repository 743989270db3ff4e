variable "units" {
  description = "Per live unit, the inputs it passes to its module."
  type        = any
}

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

module "vpc" {
  source    = "../../../modules/vpc"
  providers = { aws = aws.vpc }

  name                = var.units.vpc.name
  cidr                = var.units.vpc.cidr
  azs                 = var.units.vpc.azs
  public_subnets      = var.units.vpc.public_subnets
  private_subnets     = var.units.vpc.private_subnets
  public_subnet_tags  = var.units.vpc.public_subnet_tags
  private_subnet_tags = var.units.vpc.private_subnet_tags
  nat_gateway         = var.units.vpc.nat_gateway
  flow_log            = var.units.vpc.flow_log
}

output "vpc_id" {
  description = "The VPC's id."
  value       = module.vpc.vpc_id
}
