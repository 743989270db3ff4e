provider "aws" {
  region = var.region
}

# The API token comes from CLOUDFLARE_API_TOKEN in the environment.
provider "cloudflare" {}

module "cloudflare_tunnel" {
  source = "../../"

  name       = var.name
  account_id = var.account_id
  zone_id    = var.zone_id
  zone_name  = var.zone_name

  identity_provider = {
    id   = var.identity_provider_id
    type = "okta"
  }
  access_team_name = var.access_team_name
  session_duration = "8h"

  applications = {
    app = {
      hostname   = "app.${var.zone_name}"
      idp_groups = ["platform-users"]
    }
    grafana = {
      hostname         = "grafana.${var.zone_name}"
      idp_groups       = ["platform-engineers"]
      display_name     = "Grafana"
      session_duration = "1h"
    }
  }

  alb_dns_name          = var.alb_dns_name
  private_network_cidrs = [var.vpc_cidr]
  token_secret_arn      = var.token_secret_arn
}
