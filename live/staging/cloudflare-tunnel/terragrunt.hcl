include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "cloudflare_tunnel" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/cloudflare-tunnel.hcl"
  expose = true
}

inputs = {
  applications = {
    app = {
      hostname   = "app.staging.${include.cloudflare_tunnel.locals.zone_name}"
      idp_groups = ["platform-engineers", "platform-staging-testers"]
    }
  }
  session_duration = "12h"
}
