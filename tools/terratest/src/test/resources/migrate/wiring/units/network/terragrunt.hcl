# terraform_data only: the live root's backend, without the AWS provider it generates.
include "root" {
  path           = find_in_parent_folders("root.hcl")
  expose         = true
  merge_strategy = "no_merge"
}

remote_state = include.root.remote_state

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//network"
}

inputs = {
  name = "net"
}
