include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "athena" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/athena.hcl"
}

inputs = {
  workgroups = {
    powerbi      = { description = "Power BI dashboards" }
    openmetadata = { description = "OpenMetadata ingestion and profiling", bytes_scanned_cutoff_per_query = 536870912 }
  }
  results_expiration_days = 14
}
