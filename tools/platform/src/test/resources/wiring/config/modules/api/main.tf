# Reads the app's endpoint and the network's id.
terraform {
  required_version = ">= 1.11"
}

variable "upstream" {
  description = "The app's endpoint."
  type        = string
}

variable "vpc_id" {
  description = "The network's id."
  type        = string
}

resource "terraform_data" "gateway" {
  input = "${var.vpc_id} -> ${var.upstream}"
}
