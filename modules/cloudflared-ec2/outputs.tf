output "autoscaling_group_name" {
  description = "Name of the connectors' Auto Scaling group (also the AutoScalingGroupName dimension of the readiness metrics)."
  value       = try(aws_autoscaling_group.this.name, null)
}

output "autoscaling_group_arn" {
  description = "ARN of the connectors' Auto Scaling group."
  value       = try(aws_autoscaling_group.this.arn, null)
}

output "launch_template_id" {
  description = "ID of the connectors' launch template."
  value       = try(aws_launch_template.this.id, null)
}

output "launch_template_version" {
  description = "Version of the launch template the group runs; a new one is rolled out by instance refresh."
  value       = try(aws_launch_template.this.latest_version, null)
}

output "replicas" {
  description = "Number of connectors the group keeps running."
  value       = var.replicas
}

output "security_group_id" {
  description = "ID of the connectors' security group (no inbound rules): the source other units admit the tunnel from."
  value       = try(aws_security_group.this.id, null)
}

output "iam_role_arn" {
  description = "ARN of the connectors' instance role."
  value       = try(aws_iam_role.this.arn, null)
}

output "iam_role_name" {
  description = "Name of the connectors' instance role."
  value       = try(aws_iam_role.this.name, null)
}

output "token_secret_arn" {
  description = "ARN of the Secrets Manager secret the connectors read the tunnel token from at boot. Created empty; the cloudflare-tunnel unit writes the token as a secret version."
  value       = try(aws_secretsmanager_secret.token.arn, null)
}

output "token_secret_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the token secret, the root volumes and the module's alarm topic."
  value       = local.kms_key_arn
}

output "metrics_namespace" {
  description = "CloudWatch namespace of the readiness metrics."
  value       = var.metrics_namespace
}

output "readiness_alarm_name" {
  description = "Name of the alarm that fires when fewer than replicas connectors are ready."
  value       = try(aws_cloudwatch_metric_alarm.readiness.alarm_name, null)
}

output "readiness_alarm_arn" {
  description = "ARN of the readiness alarm."
  value       = try(aws_cloudwatch_metric_alarm.readiness.arn, null)
}

output "alarm_topic_arn" {
  description = "SNS topic the readiness alarm notifies: the one given, or the one the module created."
  value       = local.alarm_topic_arn
}
