# The edge-case monolith: components nested under module.client_stage["blue"].module.<group>.
terraform {
  required_version = ">= 1.11"
}

variable "fail_create" {
  description = "Passed to the scarred component."
  type        = bool
  default     = false
}

module "client_stage" {
  source   = "./stage"
  for_each = toset(["blue"])

  fail_create = var.fail_create
}
