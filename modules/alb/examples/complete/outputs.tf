output "arn" {
  description = "ARN of the load balancer."
  value       = module.alb.arn
}

output "dns_name" {
  description = "Private DNS name of the load balancer."
  value       = module.alb.dns_name
}

output "security_group_id" {
  description = "ID of the load balancer's security group."
  value       = module.alb.security_group_id
}

output "target_group_arns" {
  description = "ARNs of the target groups."
  value       = module.alb.target_group_arns
}

output "listener_arns" {
  description = "ARNs of the listeners."
  value       = module.alb.listener_arns
}

output "tunnel_security_group_id" {
  description = "ID of the stand-in tunnel security group."
  value       = aws_security_group.tunnel.id
}

output "vpc_cidr_block" {
  description = "CIDR block of the example VPC."
  value       = module.vpc.vpc_cidr_block
}

output "nodes_security_group_id" {
  description = "ID of the stand-in node security group that admits the ALB on the target ports."
  value       = aws_security_group.nodes.id
}
