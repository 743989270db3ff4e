include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "athena" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/athena.hcl"
}

inputs = {
  workgroups = {
    powerbi      = { description = "Power BI dashboards", bytes_scanned_cutoff_per_query = 2147483648 }
    openmetadata = { description = "OpenMetadata ingestion and profiling" }
  }
  results_expiration_days = 30
}
