variable "phase" {
  type = number
}

resource "terraform_data" "kept" {
  input = "same"
}

resource "terraform_data" "updated" {
  input = var.phase == 1 ? "one" : "two"
}

resource "terraform_data" "replaced" {
  input            = "x"
  triggers_replace = [var.phase]
}

resource "terraform_data" "deleted" {
  count = var.phase == 1 ? 1 : 0
  input = "gone"
}

resource "terraform_data" "created" {
  count = var.phase == 2 ? 1 : 0
  input = "new"
}

output "phase" {
  value = var.phase
}
