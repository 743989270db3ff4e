output "vpc_id" {
  description = "ID of the VPC."
  value       = module.vpc.vpc_id
}

output "public_subnets" {
  description = "IDs of the public subnets."
  value       = module.vpc.public_subnets
}

output "private_subnets" {
  description = "IDs of the private subnets."
  value       = module.vpc.private_subnets
}

output "private_route_table_ids" {
  description = "IDs of the private route tables."
  value       = module.vpc.private_route_table_ids
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways."
  value       = module.vpc.nat_gateway_ids
}

output "default_security_group_id" {
  description = "ID of the closed default security group."
  value       = module.vpc.default_security_group_id
}

output "flow_log_id" {
  description = "ID of the VPC flow log."
  value       = module.vpc.flow_log_id
}

output "vpc_endpoint_security_group_id" {
  description = "ID of the security group shared by the interface VPC endpoints."
  value       = module.vpc.vpc_endpoint_security_group_id
}

output "vpc_endpoints" {
  description = "Interface VPC endpoint IDs by service."
  value       = module.vpc.vpc_endpoints
}
