terraform {
  # 1.9+ for validations that refer to other variables (hostnames under var.zone_name).
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "registry.terraform.io/hashicorp/aws"
      version = ">= 5.100"
    }
    # 5.13 is the first release whose tunnel configuration schema matches this module
    # (warp_routing removed: a tunnel with a route serves WARP traffic).
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = ">= 5.13"
    }
  }
}
