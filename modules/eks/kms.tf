################################################################################
# Customer managed key: Kubernetes secrets, the control-plane logs, the node volumes
################################################################################

module "kms" {
  source = "../_kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "EKS cluster ${var.name}: secrets, control-plane logs, node volumes"
  alias_name              = "eks/${var.name}"
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  # The account administers the key through IAM (the cluster role gets envelope encryption of
  # secrets through a grant EKS creates with the caller's permissions).
  account_statement_sid = "AccountAdministersThroughIam"

  policy_statements = [
    {
      sid       = "CloudWatchLogsEncryptsTheControlPlaneLogs"
      actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
      principal = { type = "Service", identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"] }
      conditions = [{
        test     = "ArnEquals"
        variable = "kms:EncryptionContext:aws:logs:arn"
        values   = ["arn:${local.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:/aws/eks/${var.name}/cluster"]
      }]
    },
    # Node volumes: managed node groups launch through Auto Scaling, whose service-linked role
    # may not exist yet when the key is created, so the key admits EBS use through EC2 by any
    # principal of this account (the statement of the aws/ebs key).
    {
      sid       = "EbsThroughEc2InThisAccount"
      actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"]
      principal = { type = "AWS", identifiers = ["*"] }
      conditions = [
        { test = "StringEquals", variable = "kms:ViaService", values = ["ec2.${data.aws_region.current.name}.amazonaws.com"] },
        { test = "StringEquals", variable = "kms:CallerAccount", values = [data.aws_caller_identity.current.account_id] },
      ]
    },
  ]

  tags = merge({ Name = var.name }, var.tags)
}
