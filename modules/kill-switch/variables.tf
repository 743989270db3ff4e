variable "name" {
  description = "Name of the function and prefix of every other resource (alarms, rule, topic, queue, secret, role), e.g. platform-prod-kill-switch."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,38}[a-zA-Z0-9]$", var.name))
    error_message = "name must be 2-40 letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

################################################################################
# What is watched and who is revoked
################################################################################

variable "workgroup_name" {
  description = "The Athena workgroup the alarms watch and whose running queries may be stopped (the OpenMetadata workgroup). It must publish CloudWatch metrics."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9._-]{1,128}$", var.workgroup_name))
    error_message = "workgroup_name must be 1-128 letters, digits, dots, underscores or hyphens."
  }
}

variable "user_arn" {
  description = "ARN of the IAM user whose access key the function disables (the workgroup's service user). The function's role may act on this user only."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:user/([a-zA-Z0-9+=,.@_-]+/)*[a-zA-Z0-9+=,.@_-]{1,64}$", var.user_arn))
    error_message = "user_arn must be an IAM user ARN, e.g. arn:aws:iam::111111111111:user/openmetadata."
  }
}

variable "access_key_id" {
  description = "Access key id of that user, written into the secret with the user name. null leaves the secret empty for the operator to fill (see README). Never the secret access key."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.access_key_id == null || can(regex("^AKIA[A-Z0-9]{12,124}$", coalesce(var.access_key_id, "x")))
    error_message = "access_key_id must be a long-term access key id (AKIA followed by upper-case letters and digits)."
  }
}

################################################################################
# Alarms
################################################################################

variable "processed_bytes_query_state" {
  description = "Athena publishes ProcessedBytes per query state; the two scan alarms watch DML queries in this state (SUCCEEDED: the scans that ran to the end)."
  type        = string
  default     = "SUCCEEDED"

  validation {
    condition     = contains(["SUCCEEDED", "FAILED", "CANCELED"], var.processed_bytes_query_state)
    error_message = "processed_bytes_query_state must be SUCCEEDED, FAILED or CANCELED."
  }
}

variable "sustained_scan_alarm" {
  description = "Sustained scanning: the workgroup's ProcessedBytes Sum per period stays above the threshold for datapoints_to_alarm of evaluation_periods periods (default: 3 of 3 five-minute periods above 100 GiB). Give the threshold in bytes (threshold_bytes) or in US dollars per period (threshold_usd, converted at price_per_tb_usd), not both."
  type = object({
    threshold_bytes     = optional(number)
    threshold_usd       = optional(number)
    period              = optional(number, 300)
    evaluation_periods  = optional(number, 3)
    datapoints_to_alarm = optional(number)
  })
  default = {}

  validation {
    condition     = var.sustained_scan_alarm.threshold_bytes == null || var.sustained_scan_alarm.threshold_usd == null
    error_message = "sustained_scan_alarm takes threshold_bytes or threshold_usd, not both."
  }

  validation {
    condition     = coalesce(var.sustained_scan_alarm.threshold_bytes, 1) > 0 && coalesce(var.sustained_scan_alarm.threshold_usd, 1) > 0
    error_message = "sustained_scan_alarm.threshold_bytes and threshold_usd must be positive."
  }

  validation {
    condition     = var.sustained_scan_alarm.period >= 60 && var.sustained_scan_alarm.period % 60 == 0
    error_message = "sustained_scan_alarm.period must be a multiple of 60 seconds: Athena publishes one datapoint a minute."
  }

  validation {
    condition     = var.sustained_scan_alarm.evaluation_periods >= 1 && var.sustained_scan_alarm.evaluation_periods * var.sustained_scan_alarm.period <= 86400
    error_message = "sustained_scan_alarm.evaluation_periods must be at least 1, and evaluation_periods x period at most one day (86400 s)."
  }

  validation {
    condition     = var.sustained_scan_alarm.datapoints_to_alarm == null || (coalesce(var.sustained_scan_alarm.datapoints_to_alarm, 1) >= 1 && coalesce(var.sustained_scan_alarm.datapoints_to_alarm, 1) <= var.sustained_scan_alarm.evaluation_periods)
    error_message = "sustained_scan_alarm.datapoints_to_alarm must be between 1 and evaluation_periods."
  }
}

variable "spike_scan_alarm" {
  description = "Spike: the workgroup's ProcessedBytes Sum within one short period exceeds the threshold (default: 50 GiB within 60 s). Give the threshold in bytes (threshold_bytes) or in US dollars per period (threshold_usd, converted at price_per_tb_usd), not both."
  type = object({
    threshold_bytes    = optional(number)
    threshold_usd      = optional(number)
    period             = optional(number, 60)
    evaluation_periods = optional(number, 1)
  })
  default = {}

  validation {
    condition     = var.spike_scan_alarm.threshold_bytes == null || var.spike_scan_alarm.threshold_usd == null
    error_message = "spike_scan_alarm takes threshold_bytes or threshold_usd, not both."
  }

  validation {
    condition     = coalesce(var.spike_scan_alarm.threshold_bytes, 1) > 0 && coalesce(var.spike_scan_alarm.threshold_usd, 1) > 0
    error_message = "spike_scan_alarm.threshold_bytes and threshold_usd must be positive."
  }

  validation {
    condition     = var.spike_scan_alarm.period >= 60 && var.spike_scan_alarm.period % 60 == 0
    error_message = "spike_scan_alarm.period must be at least 60 seconds and a multiple of 60: Athena publishes one datapoint a minute."
  }

  validation {
    condition     = var.spike_scan_alarm.evaluation_periods >= 1 && var.spike_scan_alarm.evaluation_periods * var.spike_scan_alarm.period <= 86400
    error_message = "spike_scan_alarm.evaluation_periods must be at least 1, and evaluation_periods x period at most one day (86400 s)."
  }
}

variable "failed_queries_alarm" {
  description = "Failures: more than threshold DML queries of the workgroup fail within one period (SampleCount of TotalExecutionTime with QueryState FAILED), for evaluation_periods periods."
  type = object({
    threshold          = optional(number, 20)
    period             = optional(number, 300)
    evaluation_periods = optional(number, 1)
  })
  default = {}

  validation {
    condition     = var.failed_queries_alarm.threshold >= 1 && floor(var.failed_queries_alarm.threshold) == var.failed_queries_alarm.threshold
    error_message = "failed_queries_alarm.threshold must be a whole number of queries, at least 1."
  }

  validation {
    condition     = var.failed_queries_alarm.period >= 60 && var.failed_queries_alarm.period % 60 == 0
    error_message = "failed_queries_alarm.period must be a multiple of 60 seconds: Athena publishes one datapoint a minute."
  }

  validation {
    condition     = var.failed_queries_alarm.evaluation_periods >= 1 && var.failed_queries_alarm.evaluation_periods * var.failed_queries_alarm.period <= 86400
    error_message = "failed_queries_alarm.evaluation_periods must be at least 1, and evaluation_periods x period at most one day (86400 s)."
  }
}

variable "price_per_tb_usd" {
  description = "Athena's price in US dollars per TB scanned (10^12 bytes), for the *_usd thresholds and the dollars in the notice. The default is the published price in most regions; check the price of yours."
  type        = number
  default     = 5

  validation {
    condition     = var.price_per_tb_usd > 0
    error_message = "price_per_tb_usd must be positive."
  }
}

################################################################################
# Proof of life
################################################################################

variable "heartbeat" {
  description = "The proof of life: every interval_hours a schedule sends the function a heartbeat, which reads the secret, checks that its key belongs to user_arn and is Active, simulates the role's permissions (check_permissions) and publishes the result as a metric, without writing anything. An alarm fires when no healthy heartbeat arrived for interval_hours + margin_hours, another on any unhealthy heartbeat."
  type = object({
    enabled           = optional(bool, true)
    interval_hours    = optional(number, 24)
    margin_hours      = optional(number, 1)
    check_permissions = optional(bool, true)
  })
  default = {}

  validation {
    condition     = var.heartbeat.interval_hours >= 1 && floor(var.heartbeat.interval_hours) == var.heartbeat.interval_hours && var.heartbeat.margin_hours >= 1 && floor(var.heartbeat.margin_hours) == var.heartbeat.margin_hours
    error_message = "heartbeat.interval_hours and heartbeat.margin_hours must be whole numbers of hours, at least 1."
  }

  validation {
    condition     = var.heartbeat.interval_hours + var.heartbeat.margin_hours <= 168
    error_message = "heartbeat.interval_hours + heartbeat.margin_hours must be at most 168: a CloudWatch alarm looks back at most 7 days."
  }
}

################################################################################
# Function
################################################################################

variable "jar_path" {
  description = "Path of the function's jar (lambdas/kill-switch/target/kill-switch.jar after mvn package), absolute or relative to the working directory. Terraform keeps it in state, so pass a path that is the same in every checkout (the live units copy the jar next to the configuration). Its SHA-256 decides when the code is redeployed."
  type        = string

  validation {
    condition     = endswith(var.jar_path, ".jar")
    error_message = "jar_path must name the packaged .jar file."
  }
}

variable "architecture" {
  description = "Instruction set of the function: arm64 (cheaper) or x86_64."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  description = "Memory of the function in MB; CPU grows with it, and so does the speed of a cold JVM."
  type        = number
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "memory_size must be between 128 and 10240 MB."
  }
}

variable "timeout" {
  description = "Seconds an invocation may run."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be between 1 and 900 seconds."
  }
}

variable "java_tool_options" {
  description = "JVM options of the function (JAVA_TOOL_OPTIONS). The default, C1 only and the serial collector, is the fastest cold start measured (lambdas/kill-switch/README.md)."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
}

variable "reserved_concurrent_executions" {
  description = "Concurrency kept for the function alone, so that a busy account cannot starve the kill switch; null reserves none."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrent_executions == null || coalesce(var.reserved_concurrent_executions, 1) >= 1
    error_message = "reserved_concurrent_executions must be null or at least 1 (0 would stop the function)."
  }
}

variable "snap_start" {
  description = "Publish versions with SnapStart and point the rule at a \"live\" alias. Off by default: a SnapStart version goes inactive after 14 days without an invocation, and this function may sleep for months."
  type        = bool
  default     = false
}

variable "revoke_scope" {
  description = "configured-key disables the key named in the secret; all-keys disables every active key of the user."
  type        = string
  default     = "configured-key"

  validation {
    condition     = contains(["configured-key", "all-keys"], var.revoke_scope)
    error_message = "revoke_scope must be configured-key or all-keys."
  }
}

variable "attach_deny_policy" {
  description = "Also attach the inline deny-all policy platform-kill-switch-deny to the user, which stops session credentials minted from the key as well."
  type        = bool
  default     = true
}

variable "stop_queries" {
  description = "Also stop the workgroup's running queries (grants athena:StopQueryExecution on the workgroup; listing its queries is granted either way, for the notice)."
  type        = bool
  default     = false
}

variable "dry_run" {
  description = "Run every step but the writes, and report what would have been done."
  type        = bool
  default     = false
}

variable "log_retention_in_days" {
  description = "Retention of the function's log group (a CloudWatch Logs supported value)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a retention CloudWatch Logs supports (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

################################################################################
# Delivery, retries and notices
################################################################################

variable "rule_target_retry" {
  description = "How long and how often EventBridge retries delivering an alarm event to the function before it goes to the dead-letter queue."
  type = object({
    maximum_retry_attempts       = optional(number, 8)
    maximum_event_age_in_seconds = optional(number, 3600)
  })
  default = {}

  validation {
    condition     = var.rule_target_retry.maximum_retry_attempts >= 0 && var.rule_target_retry.maximum_retry_attempts <= 185
    error_message = "rule_target_retry.maximum_retry_attempts must be between 0 and 185."
  }

  validation {
    condition     = var.rule_target_retry.maximum_event_age_in_seconds >= 60 && var.rule_target_retry.maximum_event_age_in_seconds <= 86400
    error_message = "rule_target_retry.maximum_event_age_in_seconds must be between 60 and 86400."
  }
}

variable "invocation_retry" {
  description = "How often Lambda retries a failed invocation, and how old an event may get, before it goes to the dead-letter queue (the on-failure destination)."
  type = object({
    maximum_retry_attempts       = optional(number, 2)
    maximum_event_age_in_seconds = optional(number, 3600)
  })
  default = {}

  validation {
    condition     = var.invocation_retry.maximum_retry_attempts >= 0 && var.invocation_retry.maximum_retry_attempts <= 2
    error_message = "invocation_retry.maximum_retry_attempts must be 0, 1 or 2."
  }

  validation {
    condition     = var.invocation_retry.maximum_event_age_in_seconds >= 60 && var.invocation_retry.maximum_event_age_in_seconds <= 21600
    error_message = "invocation_retry.maximum_event_age_in_seconds must be between 60 and 21600."
  }
}

variable "dead_letter_retention_seconds" {
  description = "How long failed events wait in the dead-letter queue (60 s to 14 days)."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dead_letter_retention_seconds >= 60 && var.dead_letter_retention_seconds <= 1209600
    error_message = "dead_letter_retention_seconds must be between 60 and 1209600."
  }
}

variable "notification_emails" {
  description = "Addresses subscribed to the notice topic (each must confirm the subscription): alarm notices, the function's report, its errors and dead letters."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for email in var.notification_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email))])
    error_message = "Every notification email must be an address like ops@example.com."
  }
}

################################################################################
# Encryption and secret
################################################################################

variable "kms_key_arn" {
  description = "CMK for the secret, topic, queue and log group. null creates one whose policy lets CloudWatch, EventBridge and CloudWatch Logs use it; a given key needs the same grants."
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

variable "secret_recovery_window_in_days" {
  description = "Days a deleted secret can still be restored: 0 (delete at once) or 7 to 30."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_in_days == 0 || (var.secret_recovery_window_in_days >= 7 && var.secret_recovery_window_in_days <= 30)
    error_message = "secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
