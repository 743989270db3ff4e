include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "kill-switch" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/kill-switch.hcl"
}

inputs = {
  spike_scan_alarm     = { threshold_bytes = 21474836480, period = 60 }
  sustained_scan_alarm = { threshold_bytes = 53687091200, period = 300, evaluation_periods = 3 }
  failed_queries_alarm = { threshold = 20, period = 300 }

  stop_queries                   = true
  reserved_concurrent_executions = 1
  # Comma-separated addresses from the environment; each must confirm its subscription.
  notification_emails = compact(split(",", get_env("PLATFORM_ALERT_EMAILS", "")))
}
