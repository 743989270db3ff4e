# Reads two of the network's outputs.
terraform {
  required_version = ">= 1.11"
}

variable "vpc_id" {
  description = "The network's id."
  type        = string
}

variable "subnet" {
  description = "The subnet the server runs in."
  type        = string
}

resource "terraform_data" "server" {
  input = "${var.vpc_id}/${var.subnet}"
}

output "endpoint" {
  description = "Where the server answers."
  value       = terraform_data.server.output
}
