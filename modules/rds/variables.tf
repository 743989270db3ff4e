variable "identifier" {
  description = "Identifier of the DB instance; also names its subnet group, parameter group, security group and key alias."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,49}$", var.identifier)) && !can(regex("--|-$", var.identifier))
    error_message = "identifier must be 1-50 lowercase letters, digits or hyphens, start with a letter, and contain no double or trailing hyphen."
  }
}

################################################################################
# Engine and size
################################################################################

variable "engine_version" {
  description = "PostgreSQL version: a major (\"16\", AWS picks the newest minor) or major.minor (\"16.4\"). Majors 13 to 17."
  type        = string
  default     = "16"

  validation {
    condition     = can(regex("^1[3-7](\\.[0-9]+)?$", var.engine_version))
    error_message = "engine_version must be a PostgreSQL major 13-17, optionally with a minor, e.g. \"16\" or \"16.4\"."
  }
}

variable "instance_class" {
  description = "DB instance class, e.g. db.t4g.micro (staging) or db.m7g.large (prod)."
  type        = string
  default     = "db.t4g.micro"

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.instance_class))
    error_message = "instance_class must look like db.<family>.<size>, e.g. db.t4g.micro."
  }
}

variable "allocated_storage" {
  description = "Storage in GiB (gp3: 20 to 65536)."
  type        = number
  default     = 20

  validation {
    condition     = var.allocated_storage >= 20 && var.allocated_storage <= 65536 && floor(var.allocated_storage) == var.allocated_storage
    error_message = "allocated_storage must be a whole number of GiB between 20 and 65536."
  }
}

variable "max_allocated_storage" {
  description = "Upper limit for storage autoscaling in GiB; 0 turns autoscaling off."
  type        = number
  default     = 0

  validation {
    condition     = var.max_allocated_storage == 0 || (var.max_allocated_storage >= var.allocated_storage && var.max_allocated_storage <= 65536)
    error_message = "max_allocated_storage must be 0 (no autoscaling) or between allocated_storage and 65536."
  }
}

variable "multi_az" {
  description = "Keep a synchronous standby in a second availability zone (prod)."
  type        = bool
  default     = false
}

################################################################################
# Database and credentials
################################################################################

variable "db_name" {
  description = "Name of the database created with the instance; null creates none."
  type        = string
  default     = null

  validation {
    condition     = var.db_name == null || can(regex("^[a-zA-Z][a-zA-Z0-9_]{0,62}$", coalesce(var.db_name, "x")))
    error_message = "db_name must start with a letter and hold at most 63 letters, digits or underscores."
  }
}

variable "username" {
  description = "Master user name. Its password is generated and kept by RDS in Secrets Manager, never in Terraform state."
  type        = string
  default     = "platform_admin"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_]{0,62}$", var.username)) && lower(var.username) != "rdsadmin"
    error_message = "username must start with a letter, hold at most 63 letters, digits or underscores, and not be rdsadmin (reserved by RDS)."
  }
}

variable "port" {
  description = "Port the database listens on."
  type        = number
  default     = 5432

  validation {
    condition     = var.port >= 1150 && var.port <= 65535
    error_message = "port must be between 1150 and 65535 (the range RDS allows)."
  }
}

variable "iam_database_authentication_enabled" {
  description = "Let IAM principals log in with short-lived tokens (rds-db:connect) besides passwords."
  type        = bool
  default     = false
}

################################################################################
# Network
################################################################################

variable "vpc_id" {
  description = "VPC the instance and its security group live in."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must be a VPC id, e.g. vpc-0123456789abcdef0."
  }
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group, in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", id))])
    error_message = "subnet_ids must hold at least two subnet ids (RDS needs two availability zones)."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups whose members may connect on the database port."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.allowed_security_group_ids : can(regex("^sg-[0-9a-f]+$", id))])
    error_message = "allowed_security_group_ids must hold security group ids, e.g. sg-0123456789abcdef0."
  }
}

variable "allowed_cidr_blocks" {
  description = "IPv4 CIDR blocks (inside the VPC) that may connect on the database port. 0.0.0.0/0 is refused."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.allowed_cidr_blocks : can(cidrnetmask(cidr)) && cidr != "0.0.0.0/0"])
    error_message = "allowed_cidr_blocks must hold IPv4 CIDR blocks, and not 0.0.0.0/0: the database is private."
  }
}

################################################################################
# Encryption
################################################################################

variable "kms_key_arn" {
  description = "CMK that encrypts storage, snapshots, the master user secret and Performance Insights. null creates one for this instance."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", coalesce(var.kms_key_arn, "x")))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before a module-created CMK is deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be between 7 and 30."
  }
}

################################################################################
# Backups, maintenance and deletion
################################################################################

variable "backup_retention_period" {
  description = "Days automated backups are kept (1 to 35)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_period >= 1 && var.backup_retention_period <= 35
    error_message = "backup_retention_period must be between 1 and 35 days: automated backups stay on."
  }
}

variable "backup_window" {
  description = "Daily UTC window for automated backups (hh24:mi-hh24:mi); must not overlap the maintenance window."
  type        = string
  default     = "02:00-03:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.backup_window))
    error_message = "backup_window must be hh24:mi-hh24:mi in UTC, e.g. 02:00-03:00."
  }
}

variable "maintenance_window" {
  description = "Weekly UTC maintenance window (ddd:hh24:mi-ddd:hh24:mi)."
  type        = string
  default     = "sun:04:00-sun:05:00"

  validation {
    condition     = can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", var.maintenance_window))
    error_message = "maintenance_window must be ddd:hh24:mi-ddd:hh24:mi in UTC, e.g. sun:04:00-sun:05:00."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance until this is turned off (on in prod)."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete without a final snapshot (local and throwaway environments only). When false, the snapshot is named <identifier>-final."
  type        = bool
  default     = false
}

variable "apply_immediately" {
  description = "Apply modifications now instead of in the next maintenance window."
  type        = bool
  default     = false
}

################################################################################
# Observability
################################################################################

variable "performance_insights" {
  description = "Performance Insights, encrypted with the instance CMK. retention_period is 7 (free tier) or a multiple of 31 up to 731 days."
  type = object({
    enabled          = optional(bool, false)
    retention_period = optional(number, 7)
  })
  default = {}

  validation {
    condition     = var.performance_insights.retention_period == 7 || (var.performance_insights.retention_period % 31 == 0 && var.performance_insights.retention_period >= 31 && var.performance_insights.retention_period <= 713) || var.performance_insights.retention_period == 731
    error_message = "performance_insights.retention_period must be 7, a multiple of 31 up to 713, or 731."
  }
}

variable "monitoring_interval" {
  description = "Seconds between Enhanced Monitoring samples: 0 (off), 1, 5, 10, 15, 30 or 60. Creates the monitoring role when on."
  type        = number
  default     = 0

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.monitoring_interval)
    error_message = "monitoring_interval must be one of 0, 1, 5, 10, 15, 30, 60."
  }
}

variable "enabled_cloudwatch_logs_exports" {
  description = "PostgreSQL logs exported to CloudWatch Logs: any of postgresql, upgrade, iam-db-auth-error."
  type        = list(string)
  default     = ["postgresql", "upgrade"]

  validation {
    condition     = alltrue([for log in var.enabled_cloudwatch_logs_exports : contains(["postgresql", "upgrade", "iam-db-auth-error"], log)])
    error_message = "enabled_cloudwatch_logs_exports may hold only postgresql, upgrade and iam-db-auth-error."
  }
}

################################################################################
# Parameters and tags
################################################################################

variable "parameter_group_name" {
  description = "Use this existing DB parameter group instead of creating one. null (the default) creates the module's group with var.parameters over its secure defaults."
  type        = string
  default     = null
}

variable "parameters" {
  description = "Parameters for the instance's parameter group, added to (and overriding) the module's defaults: rds.force_ssl = 1, log_connections = 1, log_disconnections = 1. apply_method is immediate or pending-reboot."
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "pending-reboot")
  }))
  default = []

  validation {
    condition     = alltrue([for p in var.parameters : contains(["immediate", "pending-reboot"], p.apply_method)])
    error_message = "Every parameter's apply_method must be immediate or pending-reboot."
  }

  validation {
    condition     = length(distinct([for p in var.parameters : p.name])) == length(var.parameters)
    error_message = "Each parameter name may appear only once."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "db_instance_tags" {
  description = "Extra tags for the DB instance itself."
  type        = map(string)
  default     = {}
}
