output "function_name" {
  description = "Name of the kill switch function."
  value       = module.kill_switch.function_name
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = module.kill_switch.role_arn
}

output "event_rule_name" {
  description = "Name of the EventBridge rule."
  value       = module.kill_switch.event_rule_name
}

output "alarm_names" {
  description = "Names of the trigger alarms."
  value       = module.kill_switch.alarm_names
}

output "sns_topic_arn" {
  description = "ARN of the notice topic."
  value       = module.kill_switch.sns_topic_arn
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue."
  value       = module.kill_switch.dead_letter_queue_url
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue."
  value       = module.kill_switch.dead_letter_queue_arn
}

output "secret_arn" {
  description = "ARN of the target secret."
  value       = module.kill_switch.secret_arn
}

output "kms_key_arn" {
  description = "ARN of the kill switch CMK."
  value       = module.kill_switch.kms_key_arn
}

output "user_arn" {
  description = "ARN of the example service user."
  value       = aws_iam_user.service.arn
}

output "workgroup_name" {
  description = "Name of the watched workgroup."
  value       = module.athena.workgroups["${var.name}-openmetadata"].name
}

output "scan_thresholds" {
  description = "The scan alarms' thresholds in bytes and US dollars."
  value       = module.kill_switch.scan_thresholds
}

output "heartbeat_rule_name" {
  description = "Name of the heartbeat schedule's rule."
  value       = module.kill_switch.heartbeat_rule_name
}

output "heartbeat_alarm_names" {
  description = "Names of the heartbeat alarms."
  value       = module.kill_switch.heartbeat_alarm_names
}
