include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "eks" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/eks.hcl"
}

# emulator_override.tf, next to this file, is copied into the module by Terragrunt: it covers
# what moto reads back differently (docs/emulator-gaps.md).

inputs = {
  node_group = {
    min_size     = 1
    desired_size = 1
    max_size     = 2
  }

  log_retention_in_days           = 7
  kms_key_deletion_window_in_days = 7

  # moto serves no EKS add-ons (docs/emulator-gaps.md); staging and prod get the module's
  # default, the EKS Pod Identity Agent.
  addons = {}
}
