module "keys" {
  source = "../../../modules/keys"
}

output "keys_label" {
  description = "The keys component's label."
  value       = module.keys.label
}
