# The prod environment: a real AWS account whose id comes from the environment
# (PLATFORM_PROD_ACCOUNT_ID), never from the repository.
locals {
  environment = "prod"
  name_prefix = "platform-prod"
  region      = "eu-west-1"
  account_id  = get_env("PLATFORM_PROD_ACCOUNT_ID")

  state_bucket  = "platform-prod-tfstate-${local.account_id}"
  lock_table    = "platform-prod-tflock"
  state_kms_key = "alias/aws/s3"

  vpc_cidr = "10.30.0.0/16"
  azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}
