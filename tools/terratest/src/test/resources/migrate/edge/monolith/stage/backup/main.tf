# A second copy of the keys component: the same addresses as module.keys once sliced.
module "keys_copy" {
  source = "../../../modules/keys"

  label = "copy"
}
