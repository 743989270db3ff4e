include "root" {
  path = find_in_parent_folders("root.hcl")
}

# Only terraform_data here, which needs no provider: the root's AWS provider blocks are left
# out, so that no plan has to install and start it.
generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  disable   = true
  contents  = ""
}

generate "provider_version" {
  path      = "versions_override.tf"
  if_exists = "overwrite_terragrunt"
  disable   = true
  contents  = ""
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//scarred"
}

inputs = {
  fail_create = true
}
