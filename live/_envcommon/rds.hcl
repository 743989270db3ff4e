# Shared by every environment's rds unit: the module, the network it lives in, and the inputs
# derived from env.hcl. Size, availability and deletion safety are set per environment.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//rds"
}

dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"

  mock_outputs = {
    vpc_id                      = "vpc-0a1b2c3d4e5f60718"
    private_subnets             = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f6071a"]
    private_subnets_cidr_blocks = ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"]
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate runs without a backend: take the mocks rather than reading outputs from state.
  skip_outputs = get_terraform_command() == "validate"
}

inputs = {
  identifier     = "${local.env.name_prefix}-postgres"
  engine_version = "16"
  db_name        = "platform"
  username       = "platform_admin"

  vpc_id     = dependency.vpc.outputs.vpc_id
  subnet_ids = dependency.vpc.outputs.private_subnets

  # Until the workloads' security groups exist as units of their own, the private subnets
  # (where EKS nodes and the tunnel instance run) may connect.
  allowed_cidr_blocks = dependency.vpc.outputs.private_subnets_cidr_blocks

  iam_database_authentication_enabled = true
}
