include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "eks" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/eks.hcl"
}

inputs = {
  node_group = {
    instance_types = ["m7g.large", "m6g.large"]
    min_size       = 3
    desired_size   = 3
    max_size       = 9
    disk_size      = 50
  }

  log_retention_in_days = 365
}
