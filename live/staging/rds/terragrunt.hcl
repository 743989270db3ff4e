include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "rds" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/rds.hcl"
}

inputs = {
  instance_class        = "db.t4g.medium"
  allocated_storage     = 20
  max_allocated_storage = 100

  deletion_protection     = true
  skip_final_snapshot     = false
  multi_az                = false
  backup_retention_period = 7

  performance_insights = { enabled = true, retention_period = 7 }
  monitoring_interval  = 60
}
