variable "keys_label" {
  description = "The keys component's label."
  type        = string
}

variable "fail_create" {
  description = "Passed to the scarred component."
  type        = bool
}

module "consumer" {
  source = "../../../modules/consumer"

  upstream = var.keys_label
}

module "scarred" {
  source = "../../../modules/scarred"

  fail_create = var.fail_create
}
