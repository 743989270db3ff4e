variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the example kill switch and prefix of its workgroup and user."
  type        = string
  default     = "kill-switch-example"
}

variable "jar_path" {
  description = "The function's jar; null takes lambdas/kill-switch/target/kill-switch.jar of this repository."
  type        = string
  default     = null
}

variable "access_key_id" {
  description = "Access key id of the service user to write into the secret; null leaves it empty."
  type        = string
  default     = null
  sensitive   = true
}

variable "notification_emails" {
  description = "Addresses subscribed to the notices."
  type        = list(string)
  default     = []
}
