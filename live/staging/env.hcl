# The staging environment: a real AWS account whose id comes from the environment
# (PLATFORM_STAGING_ACCOUNT_ID), never from the repository.
locals {
  environment = "staging"
  name_prefix = "platform-staging"
  region      = "eu-west-1"
  account_id  = get_env("PLATFORM_STAGING_ACCOUNT_ID")

  state_bucket  = "platform-staging-tfstate-${local.account_id}"
  lock_table    = "platform-staging-tflock"
  state_kms_key = "alias/aws/s3"

  vpc_cidr = "10.20.0.0/16"
  azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}
