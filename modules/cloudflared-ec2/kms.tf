################################################################################
# Customer managed key for the root volumes, the token secret and the alarm topic (unless one
# is given)
################################################################################

locals {
  autoscaling_role_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"
}

module "kms" {
  source = "../_kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "Cloudflare Tunnel connector ${var.name}: root volumes, tunnel token, alarm topic"
  alias_name              = var.name
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  # The account administers the key through IAM; no principal gets it from the key policy alone.
  account_statement_sid = "AccountAdministersThroughIam"

  policy_statements = [
    # The Auto Scaling group's service-linked role launches the connectors, whose root volumes
    # this key encrypts. Named by condition rather than as the principal: a key policy may not
    # name a role that does not exist yet, and the account's first group creates this one.
    {
      sid        = "AutoScalingLaunchesWithEncryptedVolumes"
      actions    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      principal  = { type = "AWS", identifiers = ["*"] }
      conditions = [{ test = "ArnEquals", variable = "aws:PrincipalArn", values = [local.autoscaling_role_arn] }]
    },
    {
      sid       = "AutoScalingAttachesTheEncryptedVolumes"
      actions   = ["kms:CreateGrant"]
      principal = { type = "AWS", identifiers = ["*"] }
      conditions = [
        { test = "ArnEquals", variable = "aws:PrincipalArn", values = [local.autoscaling_role_arn] },
        { test = "Bool", variable = "kms:GrantIsForAWSResource", values = ["true"] },
      ]
    },
    # CloudWatch publishes the readiness alarm to the module's topic, which this key encrypts.
    {
      sid       = "CloudWatchAlarmsPublishToTheEncryptedTopic"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
      principal = { type = "Service", identifiers = ["cloudwatch.amazonaws.com"] }
    },
  ]

  tags = merge({ Name = var.name }, var.tags)
}
