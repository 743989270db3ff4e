output "cluster_name" {
  description = "Name of the cluster."
  value       = try(aws_eks_cluster.this.name, null)
}

output "cluster_arn" {
  description = "ARN of the cluster."
  value       = try(aws_eks_cluster.this.arn, null)
}

output "cluster_endpoint" {
  description = "URL of the Kubernetes API; private only, reachable from the VPC and over WARP."
  value       = try(aws_eks_cluster.this.endpoint, null)
}

output "cluster_version" {
  description = "Kubernetes version of the control plane."
  value       = try(aws_eks_cluster.this.version, null)
}

output "cluster_certificate_authority_data" {
  description = "Base64 certificate of the cluster's CA, for kubeconfig."
  value       = try(aws_eks_cluster.this.certificate_authority[0].data, null)
}

output "cluster_security_group_id" {
  description = "ID of the cluster security group the module manages: it admits the allowed security groups and the nodes to the API on 443."
  value       = try(aws_security_group.cluster.id, null)
}

output "cluster_primary_security_group_id" {
  description = "ID of the security group EKS creates for the control plane, or null where the API does not report one."
  value       = try(coalesce(aws_eks_cluster.this.vpc_config[0].cluster_security_group_id), null)
}

output "node_security_group_id" {
  description = "ID of the nodes' security group; admit it where pods must connect (e.g. a database)."
  value       = try(aws_security_group.node.id, null)
}

output "cluster_iam_role_arn" {
  description = "ARN of the cluster's IAM role."
  value       = try(aws_iam_role.cluster.arn, null)
}

output "node_iam_role_arn" {
  description = "ARN of the nodes' IAM role."
  value       = try(aws_iam_role.node.arn, null)
}

output "node_group_arn" {
  description = "ARN of the managed node group."
  value       = try(aws_eks_node_group.this.arn, null)
}

output "kms_key_arn" {
  description = "ARN of the KMS key that encrypts secrets, the log group and the node volumes."
  value       = local.kms_key_arn
}

output "cloudwatch_log_group_name" {
  description = "Name of the control-plane log group."
  value       = try(aws_cloudwatch_log_group.this.name, null)
}

output "addons" {
  description = "The installed add-ons by name: ARN and version."
  value       = { for name, addon in aws_eks_addon.this : name => { arn = addon.arn, version = addon.addon_version } }
}
