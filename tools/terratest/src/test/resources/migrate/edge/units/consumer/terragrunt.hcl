include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//consumer"
}

dependency "keys" {
  config_path = "../keys"

  mock_outputs = {
    label = "mock-label"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
}

inputs = {
  upstream = dependency.keys.outputs.label
}
