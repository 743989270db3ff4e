output "cluster_name" {
  description = "Name of the cluster."
  value       = module.eks.cluster_name
}

output "cluster_arn" {
  description = "ARN of the cluster."
  value       = module.eks.cluster_arn
}

output "cluster_endpoint" {
  description = "Private API endpoint."
  value       = module.eks.cluster_endpoint
}

output "cluster_security_group_id" {
  description = "ID of the cluster security group."
  value       = module.eks.cluster_security_group_id
}

output "node_security_group_id" {
  description = "ID of the nodes' security group."
  value       = module.eks.node_security_group_id
}

output "node_iam_role_arn" {
  description = "ARN of the nodes' role."
  value       = module.eks.node_iam_role_arn
}

output "cluster_iam_role_arn" {
  description = "ARN of the cluster's role."
  value       = module.eks.cluster_iam_role_arn
}

output "kms_key_arn" {
  description = "ARN of the cluster's KMS key."
  value       = module.eks.kms_key_arn
}

output "tunnel_security_group_id" {
  description = "ID of the stand-in tunnel security group."
  value       = aws_security_group.tunnel.id
}

output "private_subnets" {
  description = "IDs of the private subnets."
  value       = module.vpc.private_subnets
}
