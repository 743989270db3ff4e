# The api without its dependency on the network: the id it read in the monolith is written in.
include "root" {
  path           = find_in_parent_folders("root.hcl")
  expose         = true
  merge_strategy = "no_merge"
}

remote_state = include.root.remote_state

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//api"
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
  vpc_id   = "net"
}
