provider "aws" {
  region = var.region
}

locals {
  # The jar that `mvn package` builds at the repository root.
  jar_path = coalesce(var.jar_path, "${path.module}/../../../../lambdas/kill-switch/target/kill-switch.jar")
}

# The workgroup to watch, as the athena module makes it.
module "athena" {
  source = "../../../athena"

  name = var.name
  workgroups = {
    "${var.name}-openmetadata" = {
      description   = "OpenMetadata ingestion and profiling"
      force_destroy = true
    }
  }
  force_destroy                   = true
  kms_key_deletion_window_in_days = 7
}

# The service user whose key the kill switch disables.
resource "aws_iam_user" "service" {
  # checkov:skip=CKV_AWS_273: a service user with a long-term key is exactly what the kill switch protects against
  name = "${var.name}-openmetadata"
}

module "kill_switch" {
  source = "../../"

  name           = var.name
  workgroup_name = module.athena.workgroups["${var.name}-openmetadata"].name
  user_arn       = aws_iam_user.service.arn
  access_key_id  = var.access_key_id

  jar_path = local.jar_path

  spike_scan_alarm = { threshold_bytes = 10737418240, period = 60 }
  # A finance-readable threshold: $0.25 of scanning per five minutes, three periods running.
  sustained_scan_alarm = { threshold_usd = 0.25, period = 300, evaluation_periods = 3 }
  failed_queries_alarm = { threshold = 10 }

  stop_queries                   = true
  reserved_concurrent_executions = 2
  notification_emails            = var.notification_emails

  log_retention_in_days           = 7
  secret_recovery_window_in_days  = 0
  kms_key_deletion_window_in_days = 7

  tags = {
    Example = "kill-switch-complete"
  }
}
