# Shared by every environment's alb unit: the internal ALB in front of the EKS frontends,
# reachable from the tunnel connector only.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//alb"
}

dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_id          = "vpc-0a1b2c3d4e5f60718"
    vpc_cidr_block  = local.env.vpc_cidr
    private_subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate checks the configuration only: it needs no state, so it reads none.
  skip_outputs = get_terraform_command() == "validate"
}

dependency "cloudflared_ec2" {
  config_path = "../cloudflared-ec2"

  mock_outputs = {
    security_group_id = "sg-0a1b2c3d4e5f60718"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate checks the configuration only: it needs no state, so it reads none.
  skip_outputs = get_terraform_command() == "validate"
}

dependency "eks" {
  config_path = "../eks"

  mock_outputs = {
    node_security_group_id = "sg-0f1e2d3c4b5a69788"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate checks the configuration only: it needs no state, so it reads none.
  skip_outputs = get_terraform_command() == "validate"
}

inputs = {
  name           = local.env.name_prefix
  vpc_id         = dependency.vpc.outputs.vpc_id
  vpc_cidr_block = dependency.vpc.outputs.vpc_cidr_block
  subnet_ids     = dependency.vpc.outputs.private_subnets

  allowed_security_group_ids = [dependency.cloudflared_ec2.outputs.security_group_id]
  # The frontends' pods carry the node security group (VPC CNI): it admits the ALB.
  target_security_group_ids = [dependency.eks.outputs.node_security_group_id]

  # The frontends' pods, registered by the AWS Load Balancer Controller (TargetGroupBinding).
  target_groups = {
    frontend = {
      port          = 8080
      priority      = 100
      path_patterns = ["/*"]
      health_check  = { path = "/healthz" }
    }
  }
}
