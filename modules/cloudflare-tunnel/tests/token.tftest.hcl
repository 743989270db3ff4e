# The tunnel token, applied against mocked providers: the token data source depends on the
# tunnel, so Terraform reads it at apply, never in a plan. CloudflareTunnelModuleIT runs this
# with -verbose and checks that the token appears nowhere in what Terraform printed.

mock_provider "aws" {}

mock_provider "cloudflare" {}

override_data {
  target = data.cloudflare_zero_trust_tunnel_cloudflared_token.this
  values = {
    token = "eyJhIjoidGVzdC1vbmx5LXRva2VuLW5ldmVyLXByaW50ZWQifQ"
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

  applications = {
    app = {
      hostname   = "app.example.com"
      idp_groups = ["platform-users"]
    }
  }

  alb_dns_name          = "internal-platform-test-1234567890.eu-west-1.elb.amazonaws.com"
  private_network_cidrs = ["10.30.0.0/16"]
  token_secret_arn      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:platform-test/tunnel-token-AbC123"
}

run "the_token_reaches_the_secret_and_only_the_secret" {
  assert {
    condition     = aws_secretsmanager_secret_version.this.secret_id == var.token_secret_arn
    error_message = "The token must be written to the given secret."
  }

  assert {
    condition     = aws_secretsmanager_secret_version.this.secret_string == "eyJhIjoidGVzdC1vbmx5LXRva2VuLW5ldmVyLXByaW50ZWQifQ"
    error_message = "The secret version must hold the tunnel's token."
  }

  assert {
    condition     = issensitive(aws_secretsmanager_secret_version.this.secret_string)
    error_message = "The token must stay a sensitive value."
  }
}
