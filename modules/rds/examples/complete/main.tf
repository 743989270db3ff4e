provider "aws" {
  region = var.region
}

data "aws_availability_zones" "available" {
  # checkov:skip=CKV_AWS_394: the example takes the first two zones; a zone added later does not change that slice
  state = "available"
}

module "vpc" {
  source = "../../../vpc"

  name            = var.name
  cidr            = "10.98.0.0/16"
  azs             = slice(data.aws_availability_zones.available.names, 0, 2)
  private_subnets = ["10.98.10.0/24", "10.98.11.0/24"]
  nat_gateway     = "none"
}

# Stands for the workloads that connect to the database (e.g. the EKS nodes).
resource "aws_security_group" "client" {
  # checkov:skip=CKV2_AWS_5: the example's stand-in client; nothing runs in it
  name        = "${var.name}-client"
  description = "Clients of the example database"
  vpc_id      = module.vpc.vpc_id
}

module "rds" {
  source = "../../"

  identifier     = var.name
  engine_version = "16.4"
  instance_class = "db.t4g.micro"
  db_name        = "app"

  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnets
  allowed_security_group_ids = var.allow_client_security_group ? [aws_security_group.client.id] : []
  allowed_cidr_blocks        = module.vpc.private_subnets_cidr_blocks

  iam_database_authentication_enabled = true
  performance_insights                = { enabled = var.performance_insights_enabled }
  parameter_group_name                = var.parameter_group_name
  parameters = [
    { name = "log_min_duration_statement", value = "500", apply_method = "immediate" },
  ]

  # A throwaway example: deletable at once and without a final snapshot.
  deletion_protection             = false
  skip_final_snapshot             = true
  kms_key_deletion_window_in_days = 7

  tags = {
    Example = "rds-complete"
  }
}
