################################################################################
# Execution role: the one user, the one secret, the one topic, the one queue, its own log
################################################################################

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${var.name}-function"
  description        = "Kill switch ${var.name}: disables ${local.user_name}'s access key"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  tags = merge({ Name = "${var.name}-function" }, var.tags)
}

data "aws_iam_policy_document" "this" {
  statement {
    sid = "RevokeTheOneUser"
    actions = [
      "iam:ListAccessKeys",
      "iam:UpdateAccessKey",
      "iam:GetUserPolicy",
      "iam:PutUserPolicy",
    ]
    resources = [var.user_arn]
  }

  statement {
    sid       = "ReadTheTargetSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.this.arn]
  }

  statement {
    sid       = "Notify"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.this.arn]
  }

  # The on-failure destination is written with the function's own role.
  statement {
    sid       = "DeadLetterFailedInvocations"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letter.arn]
  }

  # The key only through the services that hold data encrypted with it.
  statement {
    sid       = "UseTheKeyThroughItsServices"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [local.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values = [
        "secretsmanager.${local.region}.amazonaws.com",
        "sns.${local.region}.amazonaws.com",
        "sqs.${local.region}.amazonaws.com",
      ]
    }
  }

  statement {
    sid       = "WriteItsOwnLog"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  # The notice lists the queries of the alarm's window.
  statement {
    sid = "ReadTheWorkgroupsQueries"
    actions = [
      "athena:ListQueryExecutions",
      "athena:GetQueryExecution",
    ]
    resources = [local.workgroup_arn]
  }

  dynamic "statement" {
    for_each = var.stop_queries ? [1] : []

    content {
      sid       = "StopTheWorkgroupsQueries"
      actions   = ["athena:StopQueryExecution"]
      resources = [local.workgroup_arn]
    }
  }

  # The heartbeat asks IAM whether this role may still make every call of a real run.
  dynamic "statement" {
    for_each = var.heartbeat.enabled && var.heartbeat.check_permissions ? [1] : []

    content {
      sid       = "SimulateItsOwnPermissions"
      actions   = ["iam:SimulatePrincipalPolicy"]
      resources = [aws_iam_role.this.arn]
    }
  }

  # PutMetricData has no resource-level permissions; the condition keeps the function to the
  # heartbeat's namespace.
  dynamic "statement" {
    for_each = var.heartbeat.enabled ? [1] : []

    content {
      sid       = "PublishItsHeartbeat"
      actions   = ["cloudwatch:PutMetricData"]
      resources = ["*"]

      condition {
        test     = "StringEquals"
        variable = "cloudwatch:namespace"
        values   = [local.heartbeat_namespace]
      }
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "kill-switch"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}

################################################################################
# Function
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  # checkov:skip=CKV_AWS_338: retention is an input, 365 days by default; throwaway environments keep a week
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = local.kms_key_arn

  tags = merge({ Name = "/aws/lambda/${var.name}" }, var.tags)
}

resource "aws_lambda_function" "this" {
  # checkov:skip=CKV_AWS_116: failed invocations go to the dead-letter queue through the on-failure destination (aws_lambda_function_event_invoke_config), which also records the error; dead_letter_config would be a second path to the same queue
  # checkov:skip=CKV_AWS_117: the function calls only regional AWS APIs (IAM, Secrets Manager, SNS, Athena); a VPC would add NAT or endpoints to its failure modes
  # checkov:skip=CKV_AWS_173: the environment holds names, ARNs and switches, no secret; it stays encrypted at rest with the AWS managed key
  # checkov:skip=CKV_AWS_272: the jar is built and hashed by this repository's pipeline (source_code_hash); no signing profile exists for it
  # checkov:skip=CKV_AWS_50: every step writes a structured JSON log line; tracing would need account-wide X-Ray permissions
  function_name = var.name
  description   = "Disables ${local.user_name}'s access key when an Athena cost alarm on ${var.workgroup_name} fires"
  role          = aws_iam_role.this.arn

  filename         = var.jar_path
  source_code_hash = filebase64sha256(var.jar_path)
  runtime          = "java21"
  handler          = "io.platform.killswitch.KillSwitchHandler::handleRequest"
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout

  reserved_concurrent_executions = coalesce(var.reserved_concurrent_executions, -1)

  publish = var.snap_start
  dynamic "snap_start" {
    for_each = var.snap_start ? [1] : []

    content {
      apply_on = "PublishedVersions"
    }
  }

  environment {
    variables = {
      SECRET_ID          = aws_secretsmanager_secret.this.arn
      ALARM_NAMES        = join(",", local.trigger_alarm_names)
      SNS_TOPIC_ARN      = aws_sns_topic.this.arn
      REVOKE_SCOPE       = var.revoke_scope
      ATTACH_DENY_POLICY = tostring(var.attach_deny_policy)
      STOP_QUERIES       = tostring(var.stop_queries)
      ATHENA_WORKGROUP   = var.workgroup_name
      DRY_RUN            = tostring(var.dry_run)
      USER_ARN           = var.user_arn
      FUNCTION_ROLE_ARN  = aws_iam_role.this.arn
      CHECK_PERMISSIONS  = tostring(var.heartbeat.check_permissions)
      PRICE_PER_TB_USD   = tostring(var.price_per_tb_usd)
      JAVA_TOOL_OPTIONS  = var.java_tool_options
    }
  }

  tags = merge({ Name = var.name }, var.tags)

  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.this]
}

# With SnapStart only a published version restores from the snapshot; the rule invokes it
# through this alias.
resource "aws_lambda_alias" "live" {
  count = var.snap_start ? 1 : 0

  name             = "live"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

locals {
  function_qualifier  = var.snap_start ? aws_lambda_alias.live[0].name : null
  function_target_arn = var.snap_start ? aws_lambda_alias.live[0].arn : aws_lambda_function.this.arn
}

# Asynchronous invocations (EventBridge's) that still fail after the retries land in the
# dead-letter queue with the error that ended them.
resource "aws_lambda_function_event_invoke_config" "this" {
  function_name = aws_lambda_function.this.function_name
  qualifier     = local.function_qualifier

  maximum_retry_attempts       = var.invocation_retry.maximum_retry_attempts
  maximum_event_age_in_seconds = var.invocation_retry.maximum_event_age_in_seconds

  destination_config {
    on_failure {
      destination = aws_sqs_queue.dead_letter.arn
    }
  }

  depends_on = [aws_iam_role_policy.this]
}
