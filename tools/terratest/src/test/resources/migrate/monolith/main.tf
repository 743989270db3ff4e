# The seed's monolith, rebuilt from the real modules: every component sits at
# module.client_stage.module.<group>.module.<component>. Its inputs are exactly the ones its
# live/local unit passes (units.auto.tfvars.json, rendered from the live units by the test) and
# its provider is the one its unit generates, default tags included (unit_providers.tf, written
# by the test into every group, one aliased configuration per unit).
#
# Adding a component: one module block in its group, `providers = { aws = aws.<unit> }`
# (hyphens in the unit name read as underscores) and each input read from var.units.<unit>.
# An input the live unit takes from a dependency is wired to that component's output instead
# (through the groups' outputs and variables when the two sit in different groups).
terraform {
  required_version = ">= 1.11"

  backend "s3" {}

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100"
    }
  }
}

variable "units" {
  description = "Per live unit, the inputs it passes to its module (terragrunt render --format json)."
  type        = any
}

module "client_stage" {
  source = "./client_stage"

  units = var.units
}

output "vpc_id" {
  description = "A root output of the monolith: it stays with the monolith."
  value       = module.client_stage.vpc_id
}
