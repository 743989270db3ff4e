# Terraform's own tests of the module (`terraform test` in this directory, after `terraform
# init`). Both providers are mocked, so nothing reaches Cloudflare or AWS; the values the API
# would assign (the tunnel's ID, the policies' IDs, the applications' audience tags) are fixed
# by overrides during the plan, so that the plan can be checked where it depends on them.
# CloudflareTunnelModuleIT runs these, and plans examples/complete with the real providers.

mock_provider "aws" {}

mock_provider "cloudflare" {}

override_resource {
  target          = cloudflare_zero_trust_tunnel_cloudflared.this
  override_during = plan
  values = {
    id = "6ff42ae2-765d-4adf-8112-31c55c1551ef"
  }
}

override_resource {
  target          = cloudflare_zero_trust_access_policy.this["app"]
  override_during = plan
  values = {
    id = "policy-app"
  }
}

override_resource {
  target          = cloudflare_zero_trust_access_policy.this["grafana"]
  override_during = plan
  values = {
    id = "policy-grafana"
  }
}

override_resource {
  target          = cloudflare_zero_trust_access_application.this["app"]
  override_during = plan
  values = {
    aud = "aud-app"
  }
}

override_resource {
  target          = cloudflare_zero_trust_access_application.this["grafana"]
  override_during = plan
  values = {
    aud = "aud-grafana"
  }
}

variables {
  name       = "platform-test"
  account_id = "0123456789abcdef0123456789abcdef"
  zone_id    = "fedcba9876543210fedcba9876543210"
  zone_name  = "example.com"

  identity_provider = {
    id   = "00000000-0000-4000-8000-000000000000"
    type = "okta"
  }
  access_team_name = "example"

  applications = {
    app = {
      hostname   = "app.example.com"
      idp_groups = ["platform-users"]
    }
    grafana = {
      hostname   = "grafana.example.com"
      idp_groups = ["platform-engineers", "platform-oncall"]
    }
  }

  alb_dns_name          = "internal-platform-test-1234567890.eu-west-1.elb.amazonaws.com"
  private_network_cidrs = ["10.30.0.0/16", "10.31.0.0/16"]
  token_secret_arn      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:platform-test/tunnel-token-AbC123"
}

run "every_hostname_is_a_proxied_cname_to_the_tunnel" {
  command = plan

  assert {
    condition = alltrue([
      for key, app in var.applications :
      cloudflare_dns_record.this[key].name == app.hostname &&
      cloudflare_dns_record.this[key].type == "CNAME" &&
      cloudflare_dns_record.this[key].proxied &&
      cloudflare_dns_record.this[key].content == "6ff42ae2-765d-4adf-8112-31c55c1551ef.cfargotunnel.com"
    ])
    error_message = "Every hostname must be a proxied CNAME to <tunnel id>.cfargotunnel.com."
  }
}

run "every_hostname_is_behind_an_access_application_that_admits_only_its_groups" {
  command = plan

  assert {
    condition = alltrue([
      for key, app in var.applications :
      cloudflare_zero_trust_access_application.this[key].domain == app.hostname &&
      cloudflare_zero_trust_access_application.this[key].type == "self_hosted" &&
      length(cloudflare_zero_trust_access_application.this[key].policies) == 1 &&
      cloudflare_zero_trust_access_application.this[key].policies[0].id == "policy-${key}"
    ])
    error_message = "Every hostname needs a self-hosted Access application with its own policy, and only that."
  }

  assert {
    condition = alltrue([
      for key, app in var.applications :
      cloudflare_zero_trust_access_policy.this[key].decision == "allow" &&
      sort([for rule in cloudflare_zero_trust_access_policy.this[key].include : rule.okta.name]) == sort(app.idp_groups) &&
      alltrue([for rule in cloudflare_zero_trust_access_policy.this[key].include : rule.okta.identity_provider_id == var.identity_provider.id])
    ])
    error_message = "Each policy must allow exactly its application's IdP groups, from the configured identity provider."
  }

  # cloudflared checks the Access token of the hostname's own application as well.
  assert {
    condition = alltrue([
      for rule in cloudflare_zero_trust_tunnel_cloudflared_config.this.config.ingress :
      rule.origin_request.access.required &&
      tolist(rule.origin_request.access.aud_tag) == tolist([for key, app in var.applications : cloudflare_zero_trust_access_application.this[key].aud if app.hostname == rule.hostname])
      if rule.hostname != null
    ])
    error_message = "Every ingress rule must require the Access token of its hostname's application."
  }
}

run "the_tunnel_is_remotely_managed_and_refuses_what_no_rule_names" {
  command = plan

  assert {
    condition     = cloudflare_zero_trust_tunnel_cloudflared.this.config_src == "cloudflare" && cloudflare_zero_trust_tunnel_cloudflared_config.this.source == "cloudflare"
    error_message = "The tunnel must be remotely managed (config_src and source cloudflare)."
  }

  assert {
    condition = jsonencode([
      for rule in cloudflare_zero_trust_tunnel_cloudflared_config.this.config.ingress : rule.hostname
    ]) == jsonencode(concat([for app in values(var.applications) : app.hostname], [null]))
    error_message = "One ingress rule per hostname, then the catch-all."
  }

  assert {
    condition     = cloudflare_zero_trust_tunnel_cloudflared_config.this.config.ingress[length(var.applications)].service == "http_status:404"
    error_message = "The last ingress rule must refuse everything else with http_status:404."
  }
}

run "every_private_network_is_routed_on_the_tunnels_virtual_network" {
  command = plan

  override_resource {
    target          = cloudflare_zero_trust_tunnel_cloudflared_virtual_network.this[0]
    override_during = plan
    values = {
      id = "0b6e9a5c-2f3d-4c1b-8a7e-6d5c4b3a2f1e"
    }
  }

  assert {
    condition = jsonencode(keys(cloudflare_zero_trust_tunnel_cloudflared_route.this)) == jsonencode(sort(var.private_network_cidrs)) && alltrue([
      for cidr, route in cloudflare_zero_trust_tunnel_cloudflared_route.this :
      route.network == cidr &&
      route.tunnel_id == "6ff42ae2-765d-4adf-8112-31c55c1551ef" &&
      route.virtual_network_id == "0b6e9a5c-2f3d-4c1b-8a7e-6d5c4b3a2f1e"
    ])
    error_message = "Every private CIDR must be routed through the tunnel on its virtual network."
  }
}

run "a_hostname_outside_the_zone_is_refused" {
  command = plan

  variables {
    applications = {
      app = {
        hostname   = "app.example.org"
        idp_groups = ["platform-users"]
      }
    }
  }

  expect_failures = [var.applications]
}

run "an_application_without_groups_is_refused" {
  command = plan

  variables {
    applications = {
      app = {
        hostname   = "app.example.com"
        idp_groups = []
      }
    }
  }

  expect_failures = [var.applications]
}
