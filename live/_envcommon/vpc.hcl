# Shared by every environment's vpc unit: the module and the inputs derived from env.hcl.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//vpc"
}

inputs = {
  name = local.env.name_prefix
  cidr = local.env.vpc_cidr
  azs  = local.env.azs

  # /20 per zone: public from the bottom of the range, private from the middle.
  public_subnets  = [for i, az in local.env.azs : cidrsubnet(local.env.vpc_cidr, 4, i)]
  private_subnets = [for i, az in local.env.azs : cidrsubnet(local.env.vpc_cidr, 4, i + 8)]

  public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }
  private_subnet_tags = { "kubernetes.io/role/internal-elb" = "1" }

  # The tunnel connector reaches Session Manager and its token secret without leaving the
  # VPC; sts serves workloads that assume roles (EKS Pod Identity, IRSA).
  vpc_endpoints = ["ssm", "ssmmessages", "ec2messages", "secretsmanager", "sts"]
}
