output "instance_id" {
  description = "ID of the connector instance."
  value       = try(aws_instance.this.id, null)
}

output "private_ip" {
  description = "Private IPv4 address of the connector."
  value       = try(aws_instance.this.private_ip, null)
}

output "security_group_id" {
  description = "ID of the connector's security group (no inbound rules): the source other units admit the tunnel from."
  value       = try(aws_security_group.this.id, null)
}

output "iam_role_arn" {
  description = "ARN of the connector's instance role."
  value       = try(aws_iam_role.this.arn, null)
}

output "iam_role_name" {
  description = "Name of the connector's instance role."
  value       = try(aws_iam_role.this.name, null)
}

output "token_secret_arn" {
  description = "ARN of the Secrets Manager secret the connector reads its tunnel token from at boot. Created empty; the cloudflare-tunnel unit writes the token as a secret version."
  value       = try(aws_secretsmanager_secret.token.arn, null)
}

output "token_secret_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the token secret and the root volume."
  value       = local.kms_key_arn
}
