include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "rds" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/rds.hcl"
}

inputs = {
  instance_class        = "db.m7g.large"
  allocated_storage     = 100
  max_allocated_storage = 500

  # A standby in a second zone, nothing deleted by accident, a snapshot when it is deleted.
  deletion_protection     = true
  skip_final_snapshot     = false
  multi_az                = true
  backup_retention_period = 30
  backup_window           = "01:00-02:00"
  maintenance_window      = "sun:03:00-sun:04:00"

  performance_insights = { enabled = true, retention_period = 7 }
  monitoring_interval  = 30
}
