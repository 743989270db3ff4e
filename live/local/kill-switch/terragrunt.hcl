include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "kill-switch" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/kill-switch.hcl"
}

inputs = {
  # Tight thresholds: the emulator never evaluates alarms, but the rule and the function see
  # the same names as in AWS.
  spike_scan_alarm     = { threshold_bytes = 1073741824, period = 60 }
  sustained_scan_alarm = { threshold_bytes = 5368709120, period = 300, evaluation_periods = 3 }
  failed_queries_alarm = { threshold = 5 }

  stop_queries = true
  # moto does not implement iam:SimulatePrincipalPolicy (docs/emulator-gaps.md); the heartbeat
  # still checks the secret and the key here.
  heartbeat = { check_permissions = false }

  log_retention_in_days           = 7
  secret_recovery_window_in_days  = 0
  kms_key_deletion_window_in_days = 7
}
