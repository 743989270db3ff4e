include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "alb" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/alb.hcl"
}

inputs = {
  # The tunnel reaches the ALB over HTTPS (cloudflare-tunnel's origin_protocol): an ACM
  # certificate valid for the public hostnames, e.g. a Cloudflare Origin CA certificate
  # imported into ACM, from PLATFORM_STAGING_ALB_CERTIFICATE_ARN.
  https = {
    certificate_arn = get_env("PLATFORM_STAGING_ALB_CERTIFICATE_ARN")
  }

  deletion_protection = false
}
