# Count and for_each keys that need escaping, a sensitive value, a data source, outputs.
terraform {
  required_version = ">= 1.11"
}

variable "label" {
  description = "Prefix of the label output."
  type        = string
  default     = "keys"
}

variable "secret" {
  description = "A sensitive value kept in state."
  type        = string
  sensitive   = true
  default     = "s3cr3t-do-not-print"
}

resource "terraform_data" "counted" {
  count = 2
  input = "counted-${count.index}"
}

resource "terraform_data" "keyed" {
  for_each = toset(["0", "a\"quote", "with space", "dotted.key", "back\\slash", "$${literal}", "ünï"])
  input    = each.key
}

resource "terraform_data" "secret" {
  input = var.secret
}

data "terraform_remote_state" "peer" {
  backend = "local"
  config = {
    path = "${path.module}/peer-state.json"
  }
}

output "label" {
  description = "Depends on a counted instance."
  value       = "${var.label}-${terraform_data.counted[0].output}"
}

output "peer" {
  description = "Read through the data source."
  value       = data.terraform_remote_state.peer.outputs.name
}
