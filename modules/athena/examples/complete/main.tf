provider "aws" {
  region = var.region
}

module "athena" {
  source = "../../"

  name = var.name

  # The module's defaults (powerbi and openmetadata, 1 GiB cutoff each), with a tighter
  # cutoff for the metadata crawler.
  workgroups = {
    powerbi = {
      description   = "Power BI dashboards"
      force_destroy = true
    }
    openmetadata = {
      description                    = "OpenMetadata ingestion and profiling"
      bytes_scanned_cutoff_per_query = 104857600
      force_destroy                  = true
    }
  }

  results_expiration_days         = 14
  force_destroy                   = true
  kms_key_deletion_window_in_days = 7

  tags = {
    Example = "athena-complete"
  }
}
