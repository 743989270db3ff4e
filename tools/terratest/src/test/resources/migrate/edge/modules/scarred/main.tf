# Leaves a tainted instance when applied with fail_create (its create-time provisioner fails).
# The test adds a deposed object to terraform_data.replaced in the state (Terraform runs no
# destroy provisioner for deposed objects, so a failed destroy cannot make one) and checks that
# Terraform accepts it.
terraform {
  required_version = ">= 1.11"
}

variable "fail_create" {
  description = "Make the create-time provisioner fail, which taints the instance."
  type        = bool
  default     = false
}

resource "terraform_data" "tainted" {
  input = "tainted"

  provisioner "local-exec" {
    command = var.fail_create ? "exit 1" : "true"
  }
}

resource "terraform_data" "replaced" {
  input = "replaced"

  lifecycle {
    create_before_destroy = true
  }
}
