include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "rds" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/rds.hcl"
}

inputs = {
  instance_class = "db.t4g.micro"

  # A throwaway database: deletable at once, no final snapshot, no standby.
  deletion_protection             = false
  skip_final_snapshot             = true
  multi_az                        = false
  backup_retention_period         = 1
  apply_immediately               = true
  kms_key_deletion_window_in_days = 7

  # Emulator gaps (docs/emulator-gaps.md): moto reads back neither a parameter group's
  # parameters nor Performance Insights, so here the instance takes the engine's default
  # group and no Performance Insights; it names that group after the minor version only
  # when one is given. Staging and prod use the major version and the module's group
  # (rds.force_ssl = 1).
  engine_version       = "16.4"
  parameter_group_name = "default.postgres16"
  performance_insights = { enabled = false }
}
