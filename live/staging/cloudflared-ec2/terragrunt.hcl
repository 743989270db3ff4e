include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "cloudflared_ec2" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/cloudflared-ec2.hcl"
}

inputs = {
  # RHEL 9 (9.5+) arm64 image of eu-west-1, from PLATFORM_STAGING_CLOUDFLARED_AMI_ID. Red Hat
  # (owner 309956199498) publishes it; the newest one is
  #   aws ec2 describe-images --region eu-west-1 --owners 309956199498 \
  #     --filters 'Name=name,Values=RHEL-9.*_HVM-*-arm64-*' 'Name=architecture,Values=arm64' \
  #     --query 'sort_by(Images,&CreationDate)[-1].[ImageId,Name]' --output text
  # A new image replaces the instance: set it with the change that reviews it.
  ami_id = get_env("PLATFORM_STAGING_CLOUDFLARED_AMI_ID")

  kms_key_deletion_window_in_days      = 30
  token_secret_recovery_window_in_days = 7
}
