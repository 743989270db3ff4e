output "db_instance_identifier" {
  description = "Identifier of the DB instance."
  value       = try(aws_db_instance.this.identifier, null)
}

output "db_instance_arn" {
  description = "ARN of the DB instance."
  value       = try(aws_db_instance.this.arn, null)
}

output "db_instance_address" {
  description = "Host name of the DB instance (private: resolvable and reachable inside the VPC only)."
  value       = try(aws_db_instance.this.address, null)
}

output "db_instance_port" {
  description = "Port the database listens on."
  value       = try(aws_db_instance.this.port, null)
}

output "db_instance_endpoint" {
  description = "host:port of the DB instance."
  value       = try(aws_db_instance.this.endpoint, null)
}

output "db_instance_resource_id" {
  description = "Resource id of the DB instance, the one IAM database authentication policies name (rds-db:connect)."
  value       = try(aws_db_instance.this.resource_id, null)
}

output "db_instance_username" {
  description = "Master user name."
  value       = try(aws_db_instance.this.username, null)
}

output "master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret in which RDS keeps the master password."
  value       = try(aws_db_instance.this.master_user_secret[0].secret_arn, null)
}

output "security_group_id" {
  description = "ID of the instance's security group; it admits the database port from the allowed sources only."
  value       = try(aws_security_group.this.id, null)
}

output "db_subnet_group_name" {
  description = "Name of the DB subnet group."
  value       = try(aws_db_subnet_group.this.name, null)
}

output "db_parameter_group_name" {
  description = "Name of the DB parameter group the instance uses (module-created or given)."
  value       = local.parameter_group_name
}

output "kms_key_arn" {
  description = "ARN of the CMK that encrypts storage, snapshots and the master user secret (module-created or given)."
  value       = local.kms_key_arn
}
