variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the example database and its VPC."
  type        = string
  default     = "rds-example"
}

variable "allow_client_security_group" {
  description = "Admit the example client security group on the database port."
  type        = bool
  default     = true
}

variable "performance_insights_enabled" {
  description = "Turn on Performance Insights."
  type        = bool
  default     = true
}

variable "parameter_group_name" {
  description = "An existing parameter group to use instead of the module's; null creates the module's."
  type        = string
  default     = null
}
