# Shared by the staging and prod cloudflare-tunnel units. live/local has none: no emulator
# serves the Cloudflare API (docs/emulator-gaps.md).
#
# An environment's Cloudflare facts come from the environment, never from the repository
# (<ENV> is STAGING or PROD):
#   PLATFORM_<ENV>_CLOUDFLARE_ACCOUNT_ID  account that owns the tunnel and the Access apps
#   PLATFORM_<ENV>_CLOUDFLARE_ZONE_ID     zone of the public hostnames
#   PLATFORM_<ENV>_CLOUDFLARE_ZONE_NAME   that zone's domain name
#   PLATFORM_<ENV>_CLOUDFLARE_IDP_ID      the Access identity provider (Okta) users sign in with
#   PLATFORM_<ENV>_CLOUDFLARE_TEAM_NAME   Zero Trust team name (<team>.cloudflareaccess.com)
# The provider's API token is read by the provider itself from CLOUDFLARE_API_TOKEN.
locals {
  env        = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
  env_prefix = "PLATFORM_${upper(local.env.environment)}_CLOUDFLARE"

  # Exposed to the units, which build their hostnames below it.
  zone_name = get_env("${local.env_prefix}_ZONE_NAME")

  # Like the AWS provider's, the Cloudflare provider's constraint lives in toolchain.properties.
  toolchain           = file(mark_as_read("${dirname(find_in_parent_folders("root.hcl"))}/../toolchain.properties"))
  cloudflare_provider = trimspace(regex("(?m)^cloudflare-provider\\.constraint=(.*)$", local.toolchain)[0])
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//cloudflare-tunnel"
}

dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_cidr_block = local.env.vpc_cidr
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate runs without a backend: take the mocks rather than reading outputs from state.
  skip_outputs = get_terraform_command() == "validate"
}

dependency "alb" {
  config_path = "../alb"

  mock_outputs = {
    dns_name = "internal-${local.env.name_prefix}-1234567890.${local.env.region}.elb.amazonaws.com"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate runs without a backend: take the mocks rather than reading outputs from state.
  skip_outputs = get_terraform_command() == "validate"
}

dependency "cloudflared_ec2" {
  config_path = "../cloudflared-ec2"

  mock_outputs = {
    token_secret_arn = "arn:aws:secretsmanager:${local.env.region}:${local.env.account_id}:secret:${local.env.name_prefix}-cloudflared-token-AbC123"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate runs without a backend: take the mocks rather than reading outputs from state.
  skip_outputs = get_terraform_command() == "validate"
}

# Only this unit talks to Cloudflare, so only this unit gets the provider (root.hcl generates
# the AWS one for every unit).
generate "cloudflare_provider" {
  path      = "cloudflare_provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<-EOF
    # API token from CLOUDFLARE_API_TOKEN in the environment; never in a file.
    provider "cloudflare" {}
  EOF
}

# The module states a minimum version; the unit pins the tested line, next to root.hcl's AWS pin,
# and in full for the same reason (one address for both engines).
generate "cloudflare_provider_version" {
  path      = "cloudflare_versions_override.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<-EOF
    terraform {
      required_providers {
        cloudflare = {
          source  = "registry.terraform.io/cloudflare/cloudflare"
          version = "${local.cloudflare_provider}"
        }
      }
    }
  EOF
}

inputs = {
  name       = local.env.name_prefix
  account_id = get_env("${local.env_prefix}_ACCOUNT_ID")
  zone_id    = get_env("${local.env_prefix}_ZONE_ID")
  zone_name  = local.zone_name

  identity_provider = {
    id   = get_env("${local.env_prefix}_IDP_ID")
    type = "okta"
  }
  access_team_name = get_env("${local.env_prefix}_TEAM_NAME")

  alb_dns_name          = dependency.alb.outputs.dns_name
  private_network_cidrs = [dependency.vpc.outputs.vpc_cidr_block]
  token_secret_arn      = dependency.cloudflared_ec2.outputs.token_secret_arn
}
