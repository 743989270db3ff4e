################################################################################
# Flow logs to CloudWatch Logs
################################################################################

locals {
  create_flow_log = var.flow_log.enabled
}

resource "aws_cloudwatch_log_group" "flow_log" {
  # checkov:skip=CKV_AWS_338: retention is the caller's validated choice; prod keeps a year, local a week
  count = local.create_flow_log ? 1 : 0

  name              = "/aws/vpc-flow-log/${var.name}"
  retention_in_days = var.flow_log.retention_in_days
  kms_key_id        = var.flow_log.kms_key_arn

  tags = merge({ Name = "${var.name}-flow-log" }, var.tags)
}

data "aws_iam_policy_document" "flow_log_assume" {
  count = local.create_flow_log ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow_log" {
  count = local.create_flow_log ? 1 : 0

  name_prefix        = "${substr(var.name, 0, 20)}-flow-log-"
  assume_role_policy = data.aws_iam_policy_document.flow_log_assume[0].json

  tags = merge({ Name = "${var.name}-flow-log" }, var.tags)
}

data "aws_iam_policy_document" "flow_log" {
  count = local.create_flow_log ? 1 : 0

  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogGroups",
      "logs:DescribeLogStreams",
    ]
    resources = ["${aws_cloudwatch_log_group.flow_log[0].arn}:*"]
  }
}

resource "aws_iam_role_policy" "flow_log" {
  count = local.create_flow_log ? 1 : 0

  name   = "write-flow-log"
  role   = aws_iam_role.flow_log[0].id
  policy = data.aws_iam_policy_document.flow_log[0].json
}

resource "aws_flow_log" "this" {
  count = local.create_flow_log ? 1 : 0

  vpc_id               = aws_vpc.this.id
  traffic_type         = var.flow_log.traffic_type
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow_log[0].arn
  iam_role_arn         = aws_iam_role.flow_log[0].arn

  tags = merge({ Name = var.name }, var.tags)
}
