variable "base_id" {
  description = "The id of the network outside the stage."
  type        = string
}

locals {
  vpc_id = module.network.vpc_id
}

module "network" {
  source = "../modules/network"

  name = "net"
}

module "app" {
  source = "../modules/app"

  vpc_id = module.network.vpc_id
  subnet = module.network.subnets["a"]
}

module "api" {
  source = "../modules/api"

  upstream = "${module.app.endpoint}/${var.base_id}"
  vpc_id   = local.vpc_id
}

module "workers" {
  source   = "../modules/app"
  for_each = module.network.subnets

  vpc_id = "fixed"
  subnet = each.value
}
