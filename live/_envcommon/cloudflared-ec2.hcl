# Shared by every environment's cloudflared-ec2 unit: the Cloudflare Tunnel connectors, replicas of
# one tunnel spread over the private subnets (one per zone). The AMI is an environment input (a
# RHEL 9 arm64 image of the region); replicas default to the module's two.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//cloudflared-ec2"
}

dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_id          = "vpc-0a1b2c3d4e5f60718"
    private_subnets = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
    azs             = local.env.azs
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate checks the configuration only: it needs no state, so it reads none.
  skip_outputs = get_terraform_command() == "validate"
}

inputs = {
  name       = "${local.env.name_prefix}-cloudflared"
  vpc_id     = dependency.vpc.outputs.vpc_id
  subnet_ids = dependency.vpc.outputs.private_subnets
  # The vpc module puts private subnet i in zone i.
  subnet_zones = slice(dependency.vpc.outputs.azs, 0, length(dependency.vpc.outputs.private_subnets))
}
