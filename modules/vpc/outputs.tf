output "vpc_id" {
  description = "ID of the VPC."
  value       = try(aws_vpc.this.id, null)
}

output "vpc_arn" {
  description = "ARN of the VPC."
  value       = try(aws_vpc.this.arn, null)
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = try(aws_vpc.this.cidr_block, null)
}

output "azs" {
  description = "Availability zones the subnets were spread over."
  value       = var.azs
}

output "public_subnets" {
  description = "IDs of the public subnets, in the order of var.public_subnets."
  value       = aws_subnet.public[*].id
}

output "public_subnets_cidr_blocks" {
  description = "CIDR blocks of the public subnets."
  value       = aws_subnet.public[*].cidr_block
}

output "private_subnets" {
  description = "IDs of the private subnets, in the order of var.private_subnets."
  value       = aws_subnet.private[*].id
}

output "private_subnets_cidr_blocks" {
  description = "CIDR blocks of the private subnets."
  value       = aws_subnet.private[*].cidr_block
}

output "public_route_table_ids" {
  description = "IDs of the public route tables."
  value       = aws_route_table.public[*].id
}

output "private_route_table_ids" {
  description = "IDs of the private route tables (one per NAT gateway, or one shared)."
  value       = aws_route_table.private[*].id
}

output "igw_id" {
  description = "ID of the internet gateway, or null without public subnets."
  value       = try(aws_internet_gateway.this[0].id, null)
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways."
  value       = aws_nat_gateway.this[*].id
}

output "nat_public_ips" {
  description = "Elastic IPs of the NAT gateways: the addresses the private subnets egress from."
  value       = aws_eip.nat[*].public_ip
}

output "default_security_group_id" {
  description = "ID of the VPC's default security group, kept without rules."
  value       = try(aws_default_security_group.this.id, null)
}

output "flow_log_id" {
  description = "ID of the VPC flow log, or null when disabled."
  value       = try(aws_flow_log.this[0].id, null)
}

output "flow_log_cloudwatch_log_group_arn" {
  description = "ARN of the flow log's CloudWatch log group, or null when disabled."
  value       = try(aws_cloudwatch_log_group.flow_log[0].arn, null)
}

output "vpc_endpoint_security_group_id" {
  description = "ID of the security group shared by the interface VPC endpoints (HTTPS from the VPC CIDR), or null without endpoints."
  value       = try(aws_security_group.vpc_endpoints[0].id, null)
}

output "vpc_endpoints" {
  description = "Interface VPC endpoint IDs by service name (e.g. ssm => vpce-...)."
  value       = { for service, endpoint in aws_vpc_endpoint.this : service => endpoint.id }
}
