data "aws_partition" "current" {}

locals {
  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? module.kms[0].key_arn : var.kms_key_arn

  major_version = split(".", var.engine_version)[0]

  create_parameter_group = var.parameter_group_name == null
  parameter_group_name   = local.create_parameter_group ? aws_db_parameter_group.this[0].name : var.parameter_group_name

  # Secure defaults first; the caller's parameters override them by name.
  default_parameters = {
    "rds.force_ssl"    = { value = "1", apply_method = "pending-reboot" }
    log_connections    = { value = "1", apply_method = "immediate" }
    log_disconnections = { value = "1", apply_method = "immediate" }
  }
  parameters = merge(
    local.default_parameters,
    { for p in var.parameters : p.name => { value = p.value, apply_method = p.apply_method } },
  )
}

################################################################################
# Encryption key (storage, snapshots, master user secret, Performance Insights)
################################################################################

# Key administration and use stay with the account's IAM policies; RDS and Secrets Manager use
# the key through grants made on the caller's behalf.
module "kms" {
  source = "../_kms-key"
  count  = local.create_kms_key ? 1 : 0

  description             = "RDS ${var.identifier}: storage, snapshots, master user secret"
  alias_name              = "${var.identifier}-rds"
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = merge({ Name = "${var.identifier}-rds" }, var.tags)
}

################################################################################
# Network: subnet group and security group
################################################################################

resource "aws_db_subnet_group" "this" {
  name        = var.identifier
  description = "Private subnets of ${var.identifier}"
  subnet_ids  = var.subnet_ids

  tags = merge({ Name = var.identifier }, var.tags)
}

resource "aws_security_group" "this" {
  name        = "${var.identifier}-rds"
  description = "PostgreSQL ${var.identifier}: ingress on the database port from the listed sources only"
  vpc_id      = var.vpc_id

  tags = merge({ Name = "${var.identifier}-rds" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

# No egress rule: the database answers connections and starts none. Counted rather than
# keyed by value: security group ids are often unknown until the caller's apply.
resource "aws_vpc_security_group_ingress_rule" "from_security_group" {
  count = length(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from a client security group"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = var.allowed_security_group_ids[count.index]

  tags = merge({ Name = "${var.identifier}-from-sg-${count.index}" }, var.tags)
}

resource "aws_vpc_security_group_ingress_rule" "from_cidr" {
  count = length(var.allowed_cidr_blocks)

  security_group_id = aws_security_group.this.id
  description       = "PostgreSQL from ${var.allowed_cidr_blocks[count.index]}"
  ip_protocol       = "tcp"
  from_port         = var.port
  to_port           = var.port
  cidr_ipv4         = var.allowed_cidr_blocks[count.index]

  tags = merge({ Name = "${var.identifier}-from-cidr-${count.index}" }, var.tags)
}

################################################################################
# Parameter group
################################################################################

resource "aws_db_parameter_group" "this" {
  count = local.create_parameter_group ? 1 : 0

  name        = "${var.identifier}-postgres${local.major_version}"
  description = "PostgreSQL ${local.major_version} parameters of ${var.identifier}"
  family      = "postgres${local.major_version}"

  dynamic "parameter" {
    for_each = local.parameters

    content {
      name         = parameter.key
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  tags = merge({ Name = "${var.identifier}-postgres${local.major_version}" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

################################################################################
# Enhanced Monitoring role
################################################################################

data "aws_iam_policy_document" "monitoring_assume" {
  count = var.monitoring_interval > 0 ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0

  name_prefix        = "${substr(var.identifier, 0, 26)}-monitoring-"
  assume_role_policy = data.aws_iam_policy_document.monitoring_assume[0].json

  tags = merge({ Name = "${var.identifier}-monitoring" }, var.tags)
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0

  role       = aws_iam_role.monitoring[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

################################################################################
# DB instance
################################################################################

resource "aws_db_instance" "this" {
  # checkov:skip=CKV_AWS_157: multi_az is an input (on in prod); the example and live/local run one zone
  # checkov:skip=CKV_AWS_293: deletion_protection is an input, on by default (staging, prod); only throwaway environments turn it off
  # checkov:skip=CKV_AWS_118: Enhanced Monitoring is an input (monitoring_interval, on in staging and prod); off by default because it costs CloudWatch Logs ingestion
  identifier     = var.identifier
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class
  port           = var.port
  db_name        = var.db_name

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = local.kms_key_arn

  # RDS generates and rotates the master password in Secrets Manager: none in state.
  username                      = var.username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = local.kms_key_arn

  iam_database_authentication_enabled = var.iam_database_authentication_enabled

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false
  multi_az               = var.multi_az
  parameter_group_name   = local.parameter_group_name

  backup_retention_period   = var.backup_retention_period
  backup_window             = var.backup_window
  maintenance_window        = var.maintenance_window
  copy_tags_to_snapshot     = true
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : "${var.identifier}-final"
  delete_automated_backups  = false

  auto_minor_version_upgrade = true
  apply_immediately          = var.apply_immediately

  performance_insights_enabled          = var.performance_insights.enabled
  performance_insights_kms_key_id       = var.performance_insights.enabled ? local.kms_key_arn : null
  performance_insights_retention_period = var.performance_insights.enabled ? var.performance_insights.retention_period : null

  monitoring_interval = var.monitoring_interval
  monitoring_role_arn = try(aws_iam_role.monitoring[0].arn, null)

  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports

  tags = merge({ Name = var.identifier }, var.tags, var.db_instance_tags)

  depends_on = [aws_iam_role_policy_attachment.monitoring]
}
