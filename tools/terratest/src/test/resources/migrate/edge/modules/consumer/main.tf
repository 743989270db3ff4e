# Consumes another unit's output: in the monolith a module reference, in the units a dependency.
terraform {
  required_version = ">= 1.11"
}

variable "upstream" {
  description = "The keys unit's label output."
  type        = string
}

resource "terraform_data" "uses" {
  input = var.upstream
}

output "seen" {
  description = "What was consumed."
  value       = terraform_data.uses.output
}
