locals {
  # Every public hostname resolves to the tunnel through this name.
  tunnel_cname = "${cloudflare_zero_trust_tunnel_cloudflared.this.id}.cfargotunnel.com"

  origin_service = "${var.origin_protocol}://${var.alb_dns_name}"

  virtual_network_id = var.create_virtual_network ? cloudflare_zero_trust_tunnel_cloudflared_virtual_network.this[0].id : var.virtual_network_id
}

################################################################################
# Tunnel (remotely managed: cloudflared runs with a token, its configuration lives here)
################################################################################

# No tunnel_secret: with config_src = "cloudflare" Cloudflare generates the secret, so it is
# never part of this configuration.
resource "cloudflare_zero_trust_tunnel_cloudflared" "this" {
  account_id = var.account_id
  name       = var.name
  config_src = "cloudflare"
}

resource "cloudflare_zero_trust_tunnel_cloudflared_config" "this" {
  account_id = var.account_id
  tunnel_id  = cloudflare_zero_trust_tunnel_cloudflared.this.id
  # What the API reports for a remotely managed tunnel; some 5.x releases default to "local".
  source = "cloudflare"

  config = {
    ingress = concat(
      [
        for key, app in var.applications : {
          hostname = app.hostname
          service  = local.origin_service
          origin_request = {
            # The ALB and the workloads behind it route on the public hostname, not on the
            # ALB's own DNS name.
            http_host_header = coalesce(app.http_host_header, app.hostname)
            # TLS to the ALB is verified against the public hostname its certificate carries.
            origin_server_name = var.origin_protocol == "https" ? coalesce(app.origin_server_name, app.hostname) : null
            no_tls_verify      = false
            # Defence in depth: cloudflared checks the Access token of this hostname's
            # application too, so a request that bypassed Access never reaches the ALB.
            access = var.access_team_name == null ? null : {
              required  = true
              team_name = var.access_team_name
              aud_tag   = [cloudflare_zero_trust_access_application.this[key].aud]
            }
          }
        }
      ],
      # Anything else that reaches the tunnel is refused.
      [{ service = "http_status:404" }],
    )
  }
}

################################################################################
# Private network routes (WARP clients reach the VPC through the tunnel)
################################################################################

resource "cloudflare_zero_trust_tunnel_cloudflared_virtual_network" "this" {
  count = var.create_virtual_network ? 1 : 0

  account_id         = var.account_id
  name               = var.name
  comment            = "Private networks served by the ${var.name} tunnel"
  is_default_network = false
}

resource "cloudflare_zero_trust_tunnel_cloudflared_route" "this" {
  for_each = toset(var.private_network_cidrs)

  account_id         = var.account_id
  tunnel_id          = cloudflare_zero_trust_tunnel_cloudflared.this.id
  network            = each.value
  virtual_network_id = local.virtual_network_id
  comment            = "${var.name}: ${each.value} for WARP clients"
}

################################################################################
# Public hostnames: proxied CNAMEs to the tunnel
################################################################################

resource "cloudflare_dns_record" "this" {
  for_each = var.applications

  zone_id = var.zone_id
  name    = each.value.hostname
  type    = "CNAME"
  content = local.tunnel_cname
  proxied = true
  # 1 means automatic, the only TTL Cloudflare keeps for a proxied record.
  ttl     = 1
  comment = "Cloudflare Tunnel ${var.name} (managed by Terraform)"
}

################################################################################
# Tunnel token -> the Secrets Manager secret the cloudflared instance reads at boot
################################################################################

data "cloudflare_zero_trust_tunnel_cloudflared_token" "this" {
  account_id = var.account_id
  tunnel_id  = cloudflare_zero_trust_tunnel_cloudflared.this.id
}

resource "aws_secretsmanager_secret_version" "this" {
  secret_id = var.token_secret_arn
  # The provider does not mark the token sensitive; this keeps it out of plans and logs.
  secret_string = sensitive(data.cloudflare_zero_trust_tunnel_cloudflared_token.this.token)
}
