variable "fail_create" {
  description = "Passed to the scarred component."
  type        = bool
}

module "core" {
  source = "./core"
}

module "apps" {
  source = "./apps"

  keys_label  = module.core.keys_label
  fail_create = var.fail_create
}

module "backup" {
  source = "./backup"
}
