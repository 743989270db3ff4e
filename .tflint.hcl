# tflint for every module under modules/ (scripts/lint.sh). Only the bundled Terraform
# ruleset is used: the AWS ruleset plugin cannot be fetched everywhere, and checkov is the
# AWS scanner here.
config {
  call_module_type = "none"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}
