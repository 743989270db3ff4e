# terraform_data only: the live root's backend, not the AWS provider it generates, which
# would start and build its schema in every command for nothing.
include "root" {
  path           = find_in_parent_folders("root.hcl")
  expose         = true
  merge_strategy = "no_merge"
}

remote_state = include.root.remote_state

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//scarred"
}

inputs = {
  fail_create = true
}
