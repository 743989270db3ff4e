output "tunnel_id" {
  description = "UUID of the tunnel."
  value       = try(cloudflare_zero_trust_tunnel_cloudflared.this.id, null)
}

output "tunnel_name" {
  description = "Name of the tunnel."
  value       = try(cloudflare_zero_trust_tunnel_cloudflared.this.name, null)
}

output "tunnel_cname" {
  description = "CNAME target of the public hostnames: the tunnel ID followed by .cfargotunnel.com."
  value       = try(local.tunnel_cname, null)
}

output "hostnames" {
  description = "Public hostname of each application, by application key."
  value       = { for key, app in var.applications : key => app.hostname }
}

output "dns_record_ids" {
  description = "ID of each public hostname's CNAME record, by application key."
  value       = { for key, record in cloudflare_dns_record.this : key => record.id }
}

output "access_application_ids" {
  description = "ID of each Access application, by application key."
  value       = { for key, app in cloudflare_zero_trust_access_application.this : key => app.id }
}

output "access_application_aud_tags" {
  description = "Audience (AUD) tag of each Access application, by application key: what a backend checks the Cf-Access-Jwt-Assertion token against."
  value       = { for key, app in cloudflare_zero_trust_access_application.this : key => app.aud }
}

output "access_policy_ids" {
  description = "ID of each application's allow policy, by application key."
  value       = { for key, policy in cloudflare_zero_trust_access_policy.this : key => policy.id }
}

output "virtual_network_id" {
  description = "UUID of the virtual network the routes belong to; null for the account's default."
  value       = local.virtual_network_id
}

output "route_ids" {
  description = "ID of each private network route, by CIDR block."
  value       = { for cidr, route in cloudflare_zero_trust_tunnel_cloudflared_route.this : cidr => route.id }
}

output "token_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the tunnel token."
  value       = var.token_secret_arn
}

output "token_secret_version_id" {
  description = "Version ID of the secret version that holds the current tunnel token (the token itself is never an output)."
  value       = try(aws_secretsmanager_secret_version.this.version_id, null)
}
