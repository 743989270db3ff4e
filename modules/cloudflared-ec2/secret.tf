################################################################################
# The tunnel token secret: created empty here, written by the cloudflare-tunnel unit
################################################################################

resource "aws_secretsmanager_secret" "token" {
  # checkov:skip=CKV2_AWS_57: the token is issued by Cloudflare; rotating it is a tunnel change made by the cloudflare-tunnel unit, not a Secrets Manager rotation Lambda
  name_prefix             = "${var.name}/tunnel-token-"
  description             = "Cloudflare Tunnel token of ${var.name}, read by the connector at boot"
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = var.token_secret_recovery_window_in_days

  tags = merge({ Name = "${var.name}-tunnel-token" }, var.tags)
}
