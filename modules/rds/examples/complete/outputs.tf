output "db_instance_identifier" {
  description = "Identifier of the DB instance."
  value       = module.rds.db_instance_identifier
}

output "db_instance_address" {
  description = "Host name of the DB instance."
  value       = module.rds.db_instance_address
}

output "db_instance_port" {
  description = "Port of the DB instance."
  value       = module.rds.db_instance_port
}

output "security_group_id" {
  description = "ID of the database security group."
  value       = module.rds.security_group_id
}

output "client_security_group_id" {
  description = "ID of the example client security group allowed in."
  value       = aws_security_group.client.id
}

output "private_subnets_cidr_blocks" {
  description = "CIDR blocks of the private subnets allowed in."
  value       = module.vpc.private_subnets_cidr_blocks
}

output "master_user_secret_arn" {
  description = "ARN of the master user secret kept by RDS."
  value       = module.rds.master_user_secret_arn
}

output "kms_key_arn" {
  description = "ARN of the CMK the instance is encrypted with."
  value       = module.rds.kms_key_arn
}

output "db_parameter_group_name" {
  description = "Name of the DB parameter group."
  value       = module.rds.db_parameter_group_name
}
