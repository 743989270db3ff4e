# Shared by every environment's eks unit: a private-only cluster in the private subnets whose
# API admits the tunnel connector (engineers over WARP).
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//eks"
}

dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_id          = "vpc-0a1b2c3d4e5f60718"
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

inputs = {
  name       = local.env.name_prefix
  vpc_id     = dependency.vpc.outputs.vpc_id
  subnet_ids = dependency.vpc.outputs.private_subnets

  allowed_security_group_ids = [dependency.cloudflared_ec2.outputs.security_group_id]
}
