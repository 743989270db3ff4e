################################################################################
# The trigger: only these alarms, only their transitions into ALARM
################################################################################

locals {
  event_pattern = {
    source        = ["aws.cloudwatch"]
    "detail-type" = ["CloudWatch Alarm State Change"]
    detail = {
      alarmName = local.trigger_alarm_names
      state     = { value = ["ALARM"] }
    }
  }
}

resource "aws_cloudwatch_event_rule" "this" {
  name          = local.rule_name
  description   = "ALARM transitions of the ${var.name} Athena cost alarms"
  event_pattern = jsonencode(local.event_pattern)

  tags = merge({ Name = local.rule_name }, var.tags)
}

resource "aws_cloudwatch_event_target" "this" {
  rule      = aws_cloudwatch_event_rule.this.name
  target_id = "kill-switch"
  arn       = local.function_target_arn

  retry_policy {
    maximum_retry_attempts       = var.rule_target_retry.maximum_retry_attempts
    maximum_event_age_in_seconds = var.rule_target_retry.maximum_event_age_in_seconds
  }

  dead_letter_config {
    arn = aws_sqs_queue.dead_letter.arn
  }

  depends_on = [aws_sqs_queue_policy.dead_letter]
}

resource "aws_lambda_permission" "events" {
  statement_id  = "AllowAlarmRule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = local.function_qualifier
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.this.arn
}
