################################################################################
# Cloudflare Access: one self-hosted application per public hostname, each admitting only
# the members of its identity provider groups
################################################################################

locals {
  # One include rule per group; the rule type follows the identity provider, the other types
  # stay null (unset).
  idp = var.identity_provider
  group_rules = {
    for key, app in var.applications : key => [
      for group in app.idp_groups : {
        azure_ad = local.idp.type == "azure_ad" ? { id = group, identity_provider_id = local.idp.id } : null
        okta     = local.idp.type == "okta" ? { name = group, identity_provider_id = local.idp.id } : null
        gsuite   = local.idp.type == "gsuite" ? { email = group, identity_provider_id = local.idp.id } : null
        saml = local.idp.type == "saml" ? {
          attribute_name       = local.idp.saml_group_attribute
          attribute_value      = group
          identity_provider_id = local.idp.id
        } : null
      }
    ]
  }
}

# Reusable (account-level) policies, referenced by the applications below.
resource "cloudflare_zero_trust_access_policy" "this" {
  for_each = var.applications

  account_id = var.account_id
  name       = "${var.name}-${each.key}: allow IdP groups"
  decision   = "allow"
  include    = local.group_rules[each.key]

  # The provider's advice for reusable policies: a replaced policy must exist before the
  # applications drop the old one.
  lifecycle {
    create_before_destroy = true
  }
}

resource "cloudflare_zero_trust_access_application" "this" {
  for_each = var.applications

  account_id = var.account_id
  name       = coalesce(each.value.display_name, "${var.name}-${each.key}")
  type       = "self_hosted"
  domain     = each.value.hostname
  destinations = [{
    type = "public"
    uri  = each.value.hostname
  }]

  session_duration = coalesce(each.value.session_duration, var.session_duration)

  # Only the configured identity provider, without the provider picker.
  allowed_idps              = [var.identity_provider.id]
  auto_redirect_to_identity = true

  http_only_cookie_attribute = true
  same_site_cookie_attribute = "lax"

  policies = [{
    id         = cloudflare_zero_trust_access_policy.this[each.key].id
    precedence = 1
  }]
}
