output "instance_id" {
  description = "ID of the connector instance."
  value       = module.cloudflared.instance_id
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

output "private_subnet_id" {
  description = "ID of the private subnet the connector runs in."
  value       = module.vpc.private_subnets[0]
}
