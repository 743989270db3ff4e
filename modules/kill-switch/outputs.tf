output "function_name" {
  description = "Name of the kill switch function."
  value       = try(aws_lambda_function.this.function_name, null)
}

output "function_arn" {
  description = "ARN of the function the rule invokes (the live alias with SnapStart)."
  value       = local.function_target_arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = try(aws_iam_role.this.arn, null)
}

output "event_rule_name" {
  description = "Name of the EventBridge rule that matches the alarms' ALARM transitions."
  value       = try(aws_cloudwatch_event_rule.this.name, null)
}

output "event_rule_arn" {
  description = "ARN of the EventBridge rule."
  value       = try(aws_cloudwatch_event_rule.this.arn, null)
}

output "alarm_names" {
  description = "Names of the three trigger alarms (the function's ALARM_NAMES allowlist)."
  value       = local.trigger_alarm_names
}

output "alarm_arns" {
  description = "ARNs of the trigger alarms, by kind: failed-queries, scan-spike, scan-sustained."
  value       = { for key, alarm in aws_cloudwatch_metric_alarm.trigger : key => alarm.arn }
}

output "sns_topic_arn" {
  description = "ARN of the notice topic (alarms, the function's reports, its health)."
  value       = try(aws_sns_topic.this.arn, null)
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue."
  value       = try(aws_sqs_queue.dead_letter.id, null)
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue."
  value       = try(aws_sqs_queue.dead_letter.arn, null)
}

output "secret_arn" {
  description = "ARN of the secret naming the user and access key id to disable."
  value       = try(aws_secretsmanager_secret.this.arn, null)
}

output "kms_key_arn" {
  description = "ARN of the CMK for the secret, topic, queue and log group (module-created or given)."
  value       = local.kms_key_arn
}

output "scan_thresholds" {
  description = "The two scan alarms' thresholds as the alarms use them (bytes) and in US dollars at price_per_tb_usd, by kind: scan-spike, scan-sustained."
  value = {
    for key, threshold in local.scan_thresholds : key => {
      bytes = threshold.bytes
      usd   = local.scan_threshold_usd[key]
    }
  }
}

output "heartbeat_rule_name" {
  description = "Name of the EventBridge rule that sends the heartbeat on its schedule; null when the heartbeat is disabled."
  value       = try(aws_cloudwatch_event_rule.heartbeat[0].name, null)
}

output "heartbeat_event" {
  description = "The heartbeat event the schedule sends, as JSON: invoke the function with it to run the proof of life by hand."
  value       = jsonencode(local.heartbeat_event)
}

output "heartbeat_alarm_names" {
  description = "Names of the heartbeat alarms (heartbeat-missing, heartbeat-unhealthy); empty when the heartbeat is disabled."
  value       = [for alarm in aws_cloudwatch_metric_alarm.heartbeat : alarm.alarm_name]
}
