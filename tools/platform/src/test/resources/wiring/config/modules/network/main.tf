# The component the others read: a VPC id and its subnets, as terraform_data.
terraform {
  required_version = ">= 1.11"
}

variable "name" {
  description = "Name of the network."
  type        = string
}

resource "terraform_data" "vpc" {
  input = var.name
}

output "vpc_id" {
  description = "The network's id."
  value       = terraform_data.vpc.output
}

output "subnets" {
  description = "Subnet ids by zone."
  value       = { a = "${var.name}-a", b = "${var.name}-b" }
}
