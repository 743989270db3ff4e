data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

################################################################################
# Key policy: the account administers the key through IAM, then the caller's statements
################################################################################

data "aws_iam_policy_document" "this" {
  # A key policy is a resource policy: "*" is the key itself and every statement names its
  # principal, which checkov does not see through the dynamic block below.
  # checkov:skip=CKV_AWS_109: resource policy of this key; each statement names its principal
  # checkov:skip=CKV_AWS_111: resource policy of this key; each statement names its principal
  # checkov:skip=CKV_AWS_356: in a key policy "*" means this key
  # No principal gets the key from its policy alone: the account's IAM policies decide, so a
  # key can never lock its own account out.
  statement {
    sid       = var.account_statement_sid
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = var.policy_statements

    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = ["*"]

      principals {
        type        = statement.value.principal.type
        identifiers = statement.value.principal.identifiers
      }

      dynamic "condition" {
        for_each = statement.value.conditions

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

################################################################################
# Key and alias
################################################################################

resource "aws_kms_key" "this" {
  description             = var.description
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.this.json

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.alias_name}"
  target_key_id = aws_kms_key.this.key_id
}
