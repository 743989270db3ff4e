# The seed's monolith, rebuilt from the real modules: every live unit is a component at
# module.client_stage.module.<group>.module.<component>, grouped as layout.json says. The test
# writes the client stage from the live units themselves (MonolithFixture): each component is
# a copy of its unit's module with the unit's emulator overrides, takes exactly the inputs its
# unit passes (units.auto.tfvars.json, from terragrunt render), wired to its siblings' outputs
# where the unit reads a dependency, and its unit's provider, default tags included.
#
# Adding a unit: its component name in layout.json, and a rename in mapping.json when that name
# is not the unit's (underscores read as hyphens without one).
terraform {
  required_version = ">= 1.11"

  backend "s3" {}

  required_providers {
    aws = {
      source  = "registry.terraform.io/hashicorp/aws"
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
