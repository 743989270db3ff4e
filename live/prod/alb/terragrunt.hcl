include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "alb" {
  path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/alb.hcl"
}

inputs = {
  # The tunnel reaches the ALB over HTTPS (cloudflare-tunnel's origin_protocol): an ACM
  # certificate valid for the public hostnames, e.g. a Cloudflare Origin CA certificate
  # imported into ACM, from PLATFORM_PROD_ALB_CERTIFICATE_ARN.
  https = {
    certificate_arn = get_env("PLATFORM_PROD_ALB_CERTIFICATE_ARN")
    ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  }

  deletion_protection = true
}
