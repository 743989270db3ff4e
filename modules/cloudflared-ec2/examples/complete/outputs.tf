output "autoscaling_group_name" {
  description = "Name of the connectors' Auto Scaling group."
  value       = module.cloudflared.autoscaling_group_name
}

output "launch_template_id" {
  description = "ID of the connectors' launch template."
  value       = module.cloudflared.launch_template_id
}

output "readiness_alarm_name" {
  description = "Name of the alarm on the number of ready connectors."
  value       = module.cloudflared.readiness_alarm_name
}

output "alarm_topic_arn" {
  description = "SNS topic the readiness alarm notifies."
  value       = module.cloudflared.alarm_topic_arn
}

output "metrics_namespace" {
  description = "CloudWatch namespace of the readiness metrics."
  value       = module.cloudflared.metrics_namespace
}

output "security_group_id" {
  description = "ID of the connector's security group."
  value       = module.cloudflared.security_group_id
}

output "iam_role_arn" {
  description = "ARN of the connector's instance role."
  value       = module.cloudflared.iam_role_arn
}

output "iam_role_name" {
  description = "Name of the connector's instance role."
  value       = module.cloudflared.iam_role_name
}

output "token_secret_arn" {
  description = "ARN of the (empty) tunnel token secret."
  value       = module.cloudflared.token_secret_arn
}

output "token_secret_kms_key_arn" {
  description = "ARN of the KMS key of the secret and the root volume."
  value       = module.cloudflared.token_secret_kms_key_arn
}

output "private_subnet_ids" {
  description = "IDs of the private subnets the connectors run in."
  value       = module.vpc.private_subnets
}
