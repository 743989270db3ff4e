include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "athena" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/athena.hcl"
}

inputs = {
  workgroups = {
    powerbi      = { description = "Power BI dashboards", force_destroy = true }
    openmetadata = { description = "OpenMetadata ingestion and profiling", force_destroy = true }
  }
  results_expiration_days         = 7
  force_destroy                   = true
  kms_key_deletion_window_in_days = 7
}
