include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "cloudflared_ec2" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/cloudflared-ec2.hcl"
}

# emulator_override.tf, next to this file, is copied into the module by Terragrunt: it covers
# what moto reads back differently (docs/emulator-gaps.md).

inputs = {
  # moto has no RHEL image; this is its built-in arm64 image (docs/emulator-gaps.md).
  ami_id = "ami-0e9271c829888680e"

  # One connector is enough to prove the unit on the emulator; staging and prod run two.
  replicas = 1

  # Every run starts from an empty emulator: nothing to recover.
  kms_key_deletion_window_in_days      = 7
  token_secret_recovery_window_in_days = 0
}
