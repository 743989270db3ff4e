# terraform_data only: the live root's backend, without the AWS provider it generates.
include "root" {
  path           = find_in_parent_folders("root.hcl")
  expose         = true
  merge_strategy = "no_merge"
}

remote_state = include.root.remote_state

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//api"
}

dependency "network" {
  config_path = "../network"

  mock_outputs = {
    vpc_id  = "mock-vpc"
    subnets = { a = "mock-a", b = "mock-b" }
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
}

dependency "app" {
  config_path = "../app"

  mock_outputs = {
    endpoint = "mock-endpoint"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
}

inputs = {
  upstream = dependency.app.outputs.endpoint
  vpc_id   = dependency.network.outputs.vpc_id
}
