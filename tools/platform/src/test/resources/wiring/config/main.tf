# Components nested under module.stage (prefix module.stage.module.*), a module outside the
# prefix, and reads of every kind: a module output, one by key, one through the caller's variable,
# one through a local, and a for_each over another component's output.
module "base" {
  source = "./modules/network"

  name = "base"
}

module "stage" {
  source = "./stage"

  base_id = module.base.vpc_id
}
