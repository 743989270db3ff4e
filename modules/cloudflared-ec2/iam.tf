################################################################################
# Instance role: Session Manager, and reading the one token secret
################################################################################

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name_prefix        = "${substr(var.name, 0, 24)}-"
  description        = "Cloudflare Tunnel connector ${var.name}"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  tags = merge({ Name = var.name }, var.tags)
}

# Shell access without SSH or inbound ports.
resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

data "aws_iam_policy_document" "token" {
  statement {
    sid       = "ReadTheTunnelToken"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.token.arn]
  }

  # The key decrypts only on behalf of Secrets Manager, and only for this secret.
  statement {
    sid       = "DecryptTheTokenThroughSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = [local.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${data.aws_region.current.name}.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:SecretARN"
      values   = [aws_secretsmanager_secret.token.arn]
    }
  }
}

# PutMetricData has no resource-level permissions; the condition keeps the connectors to their
# own namespace.
data "aws_iam_policy_document" "metrics" {
  statement {
    sid       = "PublishReadinessInTheModuleNamespace"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = [var.metrics_namespace]
    }
  }
}

resource "aws_iam_role_policy" "metrics" {
  name   = "publish-readiness"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.metrics.json
}

resource "aws_iam_role_policy" "token" {
  name   = "read-tunnel-token"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.token.json
}

resource "aws_iam_instance_profile" "this" {
  name_prefix = "${substr(var.name, 0, 24)}-"
  role        = aws_iam_role.this.name

  tags = merge({ Name = var.name }, var.tags)
}
