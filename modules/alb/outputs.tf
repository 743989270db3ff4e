output "arn" {
  description = "ARN of the load balancer."
  value       = try(aws_lb.this.arn, null)
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer, for CloudWatch metrics."
  value       = try(aws_lb.this.arn_suffix, null)
}

output "dns_name" {
  description = "Private DNS name of the load balancer: the origin the tunnel forwards to."
  value       = try(aws_lb.this.dns_name, null)
}

output "zone_id" {
  description = "Route 53 hosted zone ID of the load balancer, for alias records."
  value       = try(aws_lb.this.zone_id, null)
}

output "security_group_id" {
  description = "ID of the load balancer's security group; admit it on the targets' ports."
  value       = try(aws_security_group.this.id, null)
}

output "target_group_arns" {
  description = "ARNs of the target groups, by key."
  value       = { for key, tg in aws_lb_target_group.this : key => tg.arn }
}

output "listener_arns" {
  description = "ARNs of the listeners: http always, https when a certificate is given."
  value = merge(
    { http = aws_lb_listener.http.arn },
    local.https ? { https = aws_lb_listener.https[0].arn } : {},
  )
}
