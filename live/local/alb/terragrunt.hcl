include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "alb" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/alb.hcl"
}

# emulator_override.tf, next to this file, is copied into the module by Terragrunt: it covers
# what moto reads back differently (docs/emulator-gaps.md).

inputs = {
  # No certificate locally: HTTP on 80 serves (there is no tunnel in front of it here).
  deletion_protection = false
}
