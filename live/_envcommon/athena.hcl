# Shared by every environment's athena unit: the powerbi and openmetadata workgroups (module
# defaults: 1 GiB per-query cutoff, enforced configuration, CloudWatch metrics) and their
# encrypted results bucket.
locals {
  env = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//athena"
}

inputs = {
  name = local.env.name_prefix
}
