include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "vpc" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/vpc.hcl"
}

inputs = {
  nat_gateway = "single"
  flow_log = {
    enabled           = true
    retention_in_days = 7
  }
}
