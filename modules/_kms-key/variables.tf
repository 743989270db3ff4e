variable "description" {
  description = "What the key encrypts, shown in the KMS console."
  type        = string

  validation {
    condition     = length(var.description) > 0 && length(var.description) <= 8192
    error_message = "description must be 1 to 8192 characters."
  }
}

variable "alias_name" {
  description = "Alias of the key without the alias/ prefix (e.g. eks/platform-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9/_-]+$", var.alias_name)) && !startswith(var.alias_name, "aws/") && !startswith(var.alias_name, "alias/")
    error_message = "alias_name must be letters, digits, '/', '_' and '-', without the alias/ prefix, and not under aws/ (reserved for AWS managed keys)."
  }
}

variable "deletion_window_in_days" {
  description = "Days between scheduling the key's deletion and its deletion (7 to 30)."
  type        = number

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}

variable "account_statement_sid" {
  description = "Sid of the first statement, which gives the account's root principal kms:* (administration through IAM)."
  type        = string
  default     = "AccountAdministers"
}

variable "policy_statements" {
  description = "Further key-policy statements, in order, each on resource \"*\": sid, actions, one principal (type and identifiers) and the conditions that narrow it."
  type = list(object({
    sid     = string
    actions = list(string)
    principal = object({
      type        = string
      identifiers = list(string)
    })
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = length(distinct([for s in var.policy_statements : s.sid])) == length(var.policy_statements) && !contains([for s in var.policy_statements : s.sid], var.account_statement_sid)
    error_message = "Every statement's sid must be unique, and none may repeat account_statement_sid."
  }
}

variable "tags" {
  description = "Tags on the key."
  type        = map(string)
  default     = {}
}
