variable "name" {
  description = "Name prefix of the results bucket and the key alias, e.g. platform-prod."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "name must be 2-32 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "workgroups" {
  description = <<-EOT
    Workgroups by name. Each gets its own results prefix (s3://<bucket>/<name>/), SSE_KMS
    result encryption with the module's key, published CloudWatch metrics and an enforced
    configuration (clients cannot override any of it). bytes_scanned_cutoff_per_query cancels
    a query that scans more (at least 10 MiB).
  EOT
  type = map(object({
    description                    = optional(string)
    bytes_scanned_cutoff_per_query = optional(number, 1073741824)
    selected_engine_version        = optional(string, "AUTO")
    requester_pays_enabled         = optional(bool, false)
    state                          = optional(string, "ENABLED")
    force_destroy                  = optional(bool, false)
    tags                           = optional(map(string), {})
  }))
  default = {
    powerbi = {
      description = "Power BI dashboards"
    }
    openmetadata = {
      description = "OpenMetadata ingestion and profiling"
    }
  }

  validation {
    condition     = length(var.workgroups) > 0 && alltrue([for name in keys(var.workgroups) : can(regex("^[a-zA-Z0-9._-]{1,128}$", name))])
    error_message = "workgroups must hold at least one workgroup; names are 1-128 letters, digits, dots, underscores or hyphens."
  }

  validation {
    condition     = alltrue([for wg in values(var.workgroups) : wg.bytes_scanned_cutoff_per_query >= 10485760 && floor(wg.bytes_scanned_cutoff_per_query) == wg.bytes_scanned_cutoff_per_query])
    error_message = "Every bytes_scanned_cutoff_per_query must be a whole number of bytes, at least 10485760 (10 MiB, the Athena minimum)."
  }

  validation {
    condition     = alltrue([for wg in values(var.workgroups) : contains(["ENABLED", "DISABLED"], wg.state)])
    error_message = "Every workgroup state must be ENABLED or DISABLED."
  }
}

################################################################################
# Results bucket
################################################################################

variable "results_bucket_name" {
  description = "Name of the query results bucket; null names it <name>-athena-results-<account id>."
  type        = string
  default     = null

  validation {
    condition     = var.results_bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", coalesce(var.results_bucket_name, "x")))
    error_message = "results_bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots or hyphens)."
  }
}

variable "results_expiration_days" {
  description = "Days after which query results are deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.results_expiration_days >= 1 && floor(var.results_expiration_days) == var.results_expiration_days
    error_message = "results_expiration_days must be a whole number of days, at least 1."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days a deleted or overwritten result version is kept (the bucket is versioned)."
  type        = number
  default     = 7

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1 && floor(var.noncurrent_version_expiration_days) == var.noncurrent_version_expiration_days
    error_message = "noncurrent_version_expiration_days must be a whole number of days, at least 1."
  }
}

variable "force_destroy" {
  description = "Let terraform destroy empty the results bucket (throwaway environments only)."
  type        = bool
  default     = false
}

variable "access_log" {
  description = "S3 server access logging of the results bucket: the target bucket (which must accept log delivery) and a key prefix. null turns logging off."
  type = object({
    target_bucket = string
    target_prefix = optional(string, "athena-results/")
  })
  default = null
}

################################################################################
# Encryption
################################################################################

variable "kms_key_arn" {
  description = "CMK for the results bucket and the workgroups' result encryption; null creates one."
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

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
