data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name

  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? module.kms[0].key_arn : var.kms_key_arn

  user_name     = element(split("/", var.user_arn), length(split("/", var.user_arn)) - 1)
  workgroup_arn = "arn:${local.partition}:athena:${local.region}:${local.account_id}:workgroup/${var.workgroup_name}"

  # Known before anything exists, so that the key policy can name them without a cycle.
  rule_name     = var.name
  rule_arn      = "arn:${local.partition}:events:${local.region}:${local.account_id}:rule/${local.rule_name}"
  log_group_arn = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/lambda/${var.name}"
}

################################################################################
# Encryption key (secret, topic, dead-letter queue, log group)
################################################################################

module "kms" {
  source = "../_kms-key"
  count  = local.create_kms_key ? 1 : 0

  description             = "Kill switch ${var.name}: secret, notices, dead letters, logs"
  alias_name              = var.name
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  policy_statements = [
    # Alarm actions publish to the encrypted topic.
    {
      sid        = "CloudWatchAlarmsPublish"
      actions    = ["kms:Decrypt", "kms:GenerateDataKey*"]
      principal  = { type = "Service", identifiers = ["cloudwatch.amazonaws.com"] }
      conditions = [{ test = "StringEquals", variable = "aws:SourceAccount", values = [local.account_id] }]
    },
    # Undeliverable rule events go to the encrypted dead-letter queue.
    {
      sid        = "EventBridgeDeadLetters"
      actions    = ["kms:Decrypt", "kms:GenerateDataKey*"]
      principal  = { type = "Service", identifiers = ["events.amazonaws.com"] }
      conditions = [{ test = "ArnEquals", variable = "aws:SourceArn", values = [local.rule_arn] }]
    },
    {
      sid        = "CloudWatchLogsEncryptsTheFunctionLog"
      actions    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
      principal  = { type = "Service", identifiers = ["logs.${local.region}.amazonaws.com"] }
      conditions = [{ test = "ArnEquals", variable = "kms:EncryptionContext:aws:logs:arn", values = [local.log_group_arn] }]
    },
  ]

  tags = merge({ Name = var.name }, var.tags)
}

################################################################################
# Secret: which user and key to revoke
################################################################################

resource "aws_secretsmanager_secret" "this" {
  # checkov:skip=CKV2_AWS_57: the secret names a user and a key id; it holds no credential to rotate
  name                    = "${var.name}/target"
  description             = "The user and access key id the kill switch disables: {\"username\": ..., \"access_key_id\": ...}"
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = var.secret_recovery_window_in_days

  tags = merge({ Name = "${var.name}/target" }, var.tags)
}

# Written only when the key id is given; otherwise the operator puts the value (README).
resource "aws_secretsmanager_secret_version" "this" {
  count = var.access_key_id != null ? 1 : 0

  secret_id = aws_secretsmanager_secret.this.id
  secret_string = jsonencode({
    username      = local.user_name
    access_key_id = var.access_key_id
  })
}

################################################################################
# Notices
################################################################################

resource "aws_sns_topic" "this" {
  name              = var.name
  kms_master_key_id = local.kms_key_arn

  tags = merge({ Name = var.name }, var.tags)
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.notification_emails)

  topic_arn = aws_sns_topic.this.arn
  protocol  = "email"
  endpoint  = each.value
}

################################################################################
# Dead-letter queue: undeliverable rule events and failed invocations
################################################################################

resource "aws_sqs_queue" "dead_letter" {
  name                      = "${var.name}-dlq"
  kms_master_key_id         = local.kms_key_arn
  message_retention_seconds = var.dead_letter_retention_seconds

  tags = merge({ Name = "${var.name}-dlq" }, var.tags)
}

data "aws_iam_policy_document" "dead_letter" {
  statement {
    sid       = "RuleDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letter.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.rule_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letter" {
  queue_url = aws_sqs_queue.dead_letter.id
  policy    = data.aws_iam_policy_document.dead_letter.json
}
