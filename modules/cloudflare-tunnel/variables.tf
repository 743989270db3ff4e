variable "name" {
  description = "Name of the tunnel; also prefixes the virtual network, Access application and policy names."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$", var.name))
    error_message = "name must be 2-40 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "account_id" {
  description = "Cloudflare account ID (32 lowercase hex characters) that owns the tunnel, the virtual network and the Access applications."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.account_id))
    error_message = "account_id must be a Cloudflare account ID: 32 lowercase hexadecimal characters."
  }
}

variable "zone_id" {
  description = "Cloudflare zone ID (32 lowercase hex characters) of var.zone_name, where the public hostnames' CNAME records are created."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.zone_id))
    error_message = "zone_id must be a Cloudflare zone ID: 32 lowercase hexadecimal characters."
  }
}

variable "zone_name" {
  description = "Domain name of the zone var.zone_id, e.g. example.com. Every public hostname must be this name or below it."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.zone_name))
    error_message = "zone_name must be a lowercase domain name such as example.com (no trailing dot)."
  }
}

variable "applications" {
  description = <<-EOT
    Public hostnames published through the tunnel, keyed by a short name (used in resource
    names). Each one gets an ingress rule to the private ALB, a proxied CNAME to the tunnel,
    and a self-hosted Access application whose only policy allows the members of idp_groups.
    idp_groups holds group identifiers of var.identity_provider: Entra ID group object IDs
    (azure_ad), Okta group names (okta), Google Workspace group emails (gsuite) or values of
    the SAML group attribute (saml). session_duration overrides var.session_duration;
    http_host_header and origin_server_name default to the hostname.
  EOT
  type = map(object({
    hostname           = string
    idp_groups         = list(string)
    display_name       = optional(string)
    session_duration   = optional(string)
    http_host_header   = optional(string)
    origin_server_name = optional(string)
  }))

  validation {
    condition     = length(var.applications) > 0
    error_message = "applications must publish at least one hostname."
  }

  validation {
    condition     = alltrue([for key in keys(var.applications) : can(regex("^[a-z0-9][a-z0-9-]{0,30}$", key))])
    error_message = "Every applications key must be 1-31 lowercase letters, digits or hyphens, starting with a letter or digit."
  }

  validation {
    condition = alltrue([
      for app in values(var.applications) :
      can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", app.hostname)) &&
      (app.hostname == var.zone_name || endswith(app.hostname, ".${var.zone_name}"))
    ])
    error_message = "Every applications hostname must be a lowercase DNS name equal to or below zone_name."
  }

  validation {
    condition     = length(distinct([for app in values(var.applications) : app.hostname])) == length(var.applications)
    error_message = "Each hostname may be published once only."
  }

  validation {
    condition = alltrue([
      for app in values(var.applications) :
      length(app.idp_groups) > 0 && alltrue([for group in app.idp_groups : trimspace(group) != ""])
    ])
    error_message = "Every application needs at least one non-empty idp_groups entry: an Access application without a group would admit no one."
  }

  validation {
    condition = var.identity_provider.type != "azure_ad" || alltrue(flatten([
      for app in values(var.applications) : [
        for group in app.idp_groups : can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", group))
      ]
    ]))
    error_message = "With an azure_ad identity provider every idp_groups entry must be an Entra ID group object ID (a lowercase UUID)."
  }

  validation {
    condition = alltrue([
      for app in values(var.applications) :
      app.session_duration == null || can(regex("^([0-9]+(ns|us|ms|s|m|h))+$", app.session_duration))
    ])
    error_message = "applications session_duration must be a duration such as 30m or 8h (units ns, us, ms, s, m, h)."
  }
}

variable "identity_provider" {
  description = "The Cloudflare Access identity provider users sign in with: its ID (a UUID, as the Zero Trust dashboard and API show it) and type (azure_ad, okta, gsuite or saml). saml_group_attribute names the SAML attribute holding group membership."
  type = object({
    id                   = string
    type                 = string
    saml_group_attribute = optional(string, "groups")
  })

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.identity_provider.id))
    error_message = "identity_provider.id must be the UUID of a Cloudflare Access identity provider."
  }

  validation {
    condition     = contains(["azure_ad", "okta", "gsuite", "saml"], var.identity_provider.type)
    error_message = "identity_provider.type must be one of: azure_ad, okta, gsuite, saml."
  }

  validation {
    condition     = trimspace(var.identity_provider.saml_group_attribute) != ""
    error_message = "identity_provider.saml_group_attribute must not be empty."
  }
}

variable "session_duration" {
  description = "How long an Access session lasts before users sign in again, e.g. 8h; per application overridable."
  type        = string
  default     = "8h"

  validation {
    condition     = can(regex("^([0-9]+(ns|us|ms|s|m|h))+$", var.session_duration))
    error_message = "session_duration must be a duration such as 30m or 8h (units ns, us, ms, s, m, h)."
  }
}

variable "access_team_name" {
  description = "Zero Trust team name, e.g. acme for acme.cloudflareaccess.com. When set, cloudflared itself rejects requests without a valid Access token for the hostname's application, in addition to the Access check at the edge."
  type        = string
  default     = null

  validation {
    condition     = var.access_team_name == null || can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.access_team_name))
    error_message = "access_team_name must be lowercase letters, digits or hyphens, e.g. acme for acme.cloudflareaccess.com."
  }
}

variable "alb_dns_name" {
  description = "DNS name of the private (internal) ALB that every public hostname is forwarded to, e.g. internal-platform-prod-123.eu-west-1.elb.amazonaws.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", lower(var.alb_dns_name)))
    error_message = "alb_dns_name must be a DNS name (no scheme, no port, no path)."
  }
}

variable "origin_protocol" {
  description = "How cloudflared reaches the ALB: \"https\" (default; the ALB's certificate must be valid for each hostname's origin_server_name) or \"http\" (only for an ALB without an HTTPS listener)."
  type        = string
  default     = "https"

  validation {
    condition     = contains(["https", "http"], var.origin_protocol)
    error_message = "origin_protocol must be https or http."
  }
}

variable "private_network_cidrs" {
  description = "Private networks (normally the VPC CIDR) routed through the tunnel to WARP-enrolled devices. Empty publishes the hostnames only."
  type        = list(string)

  validation {
    condition     = alltrue([for cidr in var.private_network_cidrs : can(cidrsubnet(cidr, 0, 0)) && try(cidrsubnet(cidr, 0, 0) == cidr, false)])
    error_message = "Every private_network_cidrs entry must be an IPv4 or IPv6 CIDR block written with its network address, e.g. 10.30.0.0/16."
  }

  validation {
    condition     = length(distinct(var.private_network_cidrs)) == length(var.private_network_cidrs)
    error_message = "private_network_cidrs must not repeat a CIDR block."
  }
}

variable "create_virtual_network" {
  description = "Create a virtual network for this tunnel's routes, so that environments with overlapping CIDRs can share one Cloudflare account. When false, routes go to var.virtual_network_id or the account's default virtual network."
  type        = bool
  default     = true
}

variable "virtual_network_id" {
  description = "Existing virtual network (UUID) for the routes; only with create_virtual_network = false. Null uses the account's default virtual network."
  type        = string
  default     = null

  validation {
    condition     = var.virtual_network_id == null || can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.virtual_network_id))
    error_message = "virtual_network_id must be a UUID."
  }

  validation {
    condition     = var.virtual_network_id == null || !var.create_virtual_network
    error_message = "virtual_network_id needs create_virtual_network = false; otherwise the module creates its own virtual network."
  }
}

variable "token_secret_arn" {
  description = "ARN of the existing Secrets Manager secret (created empty by the cloudflared-ec2 module) that receives the tunnel token as its current version; the instance reads it at boot."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.token_secret_arn))
    error_message = "token_secret_arn must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)."
  }
}
