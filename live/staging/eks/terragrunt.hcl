include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "eks" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/eks.hcl"
}

inputs = {
  node_group = {
    instance_types = ["t4g.medium"]
    min_size       = 2
    desired_size   = 2
    max_size       = 4
  }

  log_retention_in_days = 30
}
