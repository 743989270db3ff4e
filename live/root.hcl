# Included by every unit. Generates the S3 backend (state per unit, DynamoDB and/or S3-native
# lock), the AWS provider, and the provider version pin. Facts about an environment live in
# <env>/env.hcl; only live/local sets `emulator`, which points everything at the emulator.

locals {
  env      = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
  emulator = try(local.env.emulator, null)

  # The AWS provider constraint has one home: toolchain.properties at the repository root.
  # Marked as read: a new pin changes every unit (`find --reading`, `platform verify --affected`).
  toolchain    = file(mark_as_read("${get_parent_terragrunt_dir()}/../toolchain.properties"))
  aws_provider = trimspace(regex("(?m)^aws-provider\\.constraint=(.*)$", local.toolchain)[0])

  # Marked as read here, not in the generate block, which `terragrunt find` does not evaluate.
  provider_template = mark_as_read("${get_parent_terragrunt_dir()}/provider.tf.tftpl")

  # "dynamodb" (default): the DynamoDB lock table. "s3": Terraform's S3-native lock file.
  # "both": while moving from one to the other. Overridable per run with PLATFORM_STATE_LOCK.
  state_lock = get_env("PLATFORM_STATE_LOCK", try(local.env.state_lock, "dynamodb"))
  lock_config = {
    dynamodb = { dynamodb_table = local.env.lock_table }
    s3       = { use_lockfile = true }
    both     = { dynamodb_table = local.env.lock_table, use_lockfile = true }
  }[local.state_lock]

  common_tags = {
    Environment = local.env.environment
    ManagedBy   = "terragrunt"
  }

  # terraform or tofu (PLATFORM_ENGINE; platform sets it for the engine it runs).
  engine = get_env("PLATFORM_ENGINE", "terraform")
}

# Each engine keeps its own working copy of a unit: a directory one engine initialised makes the
# other ask for init again. Terraform's is Terragrunt's default; OpenTofu's is inside it.
download_dir = local.engine == "terraform" ? "${get_terragrunt_dir()}/.terragrunt-cache" : "${get_terragrunt_dir()}/.terragrunt-cache/${local.engine}"

terraform {
  # A module's examples are its own tests. Copied into a unit's working directory, their module
  # calls make Terragrunt take the unit for one that needs `terraform init` before every command.
  exclude_from_copy = ["**/examples/**"]
}

remote_state {
  backend = "s3"

  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }

  config = merge(
    {
      bucket     = local.env.state_bucket
      key        = "${path_relative_to_include()}/terraform.tfstate"
      region     = local.env.region
      encrypt    = true
      kms_key_id = local.env.state_kms_key

      # How `terragrunt backend bootstrap` creates the bucket and the lock table: versioned,
      # KMS-encrypted, public access blocked, TLS-only policy, encrypted lock table.
      bucket_sse_algorithm           = "aws:kms"
      bucket_sse_kms_key_id          = local.env.state_kms_key
      enable_lock_table_ssencryption = true
      s3_bucket_tags                 = local.common_tags
      dynamodb_table_tags            = local.common_tags
    },
    local.lock_config,
    # Environment-specific additions; only live/local has any (the emulator's S3 settings).
    try(local.env.remote_state_extra, {}),
  )
}

generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents = templatefile(local.provider_template, {
    region       = local.env.region
    account_id   = local.env.account_id
    default_tags = merge(local.common_tags, { Unit = path_relative_to_include() })
    emulator     = local.emulator
  })
}

# Modules state minimum versions only; the live tree pins the provider line it was tested with.
# The source in full: OpenTofu reads a bare "hashicorp/aws" as registry.opentofu.org/hashicorp/aws,
# a provider of another address. Spelled out, both engines install the same provider and write
# the same address into states and lock files, so a unit can change engine with a clean plan.
generate "provider_version" {
  path      = "versions_override.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<-EOF
    terraform {
      required_providers {
        aws = {
          source  = "registry.terraform.io/hashicorp/aws"
          version = "${local.aws_provider}"
        }
      }
    }
  EOF
}
