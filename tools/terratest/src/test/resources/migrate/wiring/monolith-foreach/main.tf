# The monolith, with one app per subnet of the network.
terraform {
  required_version = ">= 1.11"
}

module "network" {
  source = "../modules/network"

  name = "net"
}

module "app" {
  source   = "../modules/app"
  for_each = module.network.subnets

  vpc_id = module.network.vpc_id
  subnet = each.value
}

module "api" {
  source = "../modules/api"

  upstream = module.app["a"].endpoint
  vpc_id   = module.network.vpc_id
}
