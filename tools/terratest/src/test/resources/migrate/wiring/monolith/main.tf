# Three components that read each other's outputs: each read crosses a unit after the slice.
terraform {
  required_version = ">= 1.11"
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

  upstream = module.app.endpoint
  vpc_id   = module.network.vpc_id
}
