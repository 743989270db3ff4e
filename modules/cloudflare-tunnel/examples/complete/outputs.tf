output "tunnel_id" {
  description = "UUID of the tunnel."
  value       = module.cloudflare_tunnel.tunnel_id
}

output "tunnel_cname" {
  description = "CNAME target of the public hostnames."
  value       = module.cloudflare_tunnel.tunnel_cname
}

output "access_application_aud_tags" {
  description = "Audience tag of each Access application."
  value       = module.cloudflare_tunnel.access_application_aud_tags
}

output "route_ids" {
  description = "ID of each private network route."
  value       = module.cloudflare_tunnel.route_ids
}

output "token_secret_version_id" {
  description = "Version ID of the secret version holding the tunnel token."
  value       = module.cloudflare_tunnel.token_secret_version_id
}
