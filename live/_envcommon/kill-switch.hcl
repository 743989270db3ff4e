# Shared by every environment's kill-switch unit: alarms on the openmetadata workgroup, the
# rule, the function built by `mvn package` (lambdas/kill-switch), its secret, topic and
# dead-letter queue.
locals {
  env       = read_terragrunt_config(find_in_parent_folders("env.hcl")).locals
  repo_root = "${dirname(find_in_parent_folders("root.hcl"))}/.."

  # The function's package. Marked as read so that Terragrunt lists it among the files this unit
  # reads (`find --reading`), which is how `platform verify --affected` ties the unit to the
  # sources under lambdas/kill-switch it is built from.
  jar = mark_as_read("${local.repo_root}/lambdas/kill-switch/target/kill-switch.jar")
}

terraform {
  source = "${local.repo_root}/modules//kill-switch"

  # The jar is copied next to the configuration and passed by its bare name, because Terraform
  # keeps the path in state: an absolute path would plan as a change in every other checkout
  # (a CI runner, another laptop). Rebuilds are byte-identical, so the code hash holds too.
  before_hook "kill_switch_jar" {
    commands = ["plan", "apply", "destroy", "refresh", "import"]
    execute = ["sh", "-c", <<-EOT
      test -f "$1" || { echo "$1 is missing: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
      cp "$1" kill-switch.jar
    EOT
    , "sh", local.jar]
  }
}

dependency "athena" {
  config_path = "${get_terragrunt_dir()}/../athena"

  mock_outputs = {
    workgroups = {
      openmetadata = { name = "openmetadata", arn = "arn:aws:athena:eu-west-1:111111111111:workgroup/openmetadata" }
      powerbi      = { name = "powerbi", arn = "arn:aws:athena:eu-west-1:111111111111:workgroup/powerbi" }
    }
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  # validate runs without a backend: take the mocks rather than reading outputs from state.
  skip_outputs = get_terraform_command() == "validate"
}

inputs = {
  name           = "${local.env.name_prefix}-kill-switch"
  workgroup_name = dependency.athena.outputs.workgroups["openmetadata"].name

  # The OpenMetadata service user that queries the workgroup with a long-term key.
  user_arn = "arn:aws:iam::${local.env.account_id}:user/${local.env.name_prefix}-openmetadata"

  jar_path     = "kill-switch.jar"
  architecture = "arm64"

  revoke_scope       = "configured-key"
  attach_deny_policy = true
}
