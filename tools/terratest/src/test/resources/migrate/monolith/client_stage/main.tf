# The groups of the client stage. A group module holds its components and the providers.
variable "units" {
  description = "Per live unit, the inputs it passes to its module."
  type        = any
}

module "network" {
  source = "./network"

  units = var.units
}

output "vpc_id" {
  description = "The VPC's id."
  value       = module.network.vpc_id
}
