################################################################################
# The heartbeat schedule: a constant event the function knows as its own proof-of-life run,
# which only reads (lambdas/kill-switch, Heartbeat).
################################################################################

locals {
  heartbeat_rule_name = "${var.name}-heartbeat"
  heartbeat_event = {
    "detail-type" = "Kill Switch Heartbeat"
    source        = "platform.kill-switch"
    detail        = { schedule = local.heartbeat_rule_name }
  }
}

resource "aws_cloudwatch_event_rule" "heartbeat" {
  count = var.heartbeat.enabled ? 1 : 0

  name                = local.heartbeat_rule_name
  description         = "Proof of life of the ${var.name} kill switch, every ${var.heartbeat.interval_hours} h"
  schedule_expression = "rate(${var.heartbeat.interval_hours} ${var.heartbeat.interval_hours == 1 ? "hour" : "hours"})"

  tags = merge({ Name = local.heartbeat_rule_name }, var.tags)
}

# No dead-letter queue: a heartbeat that is never delivered is what the heartbeat-missing alarm
# reports.
resource "aws_cloudwatch_event_target" "heartbeat" {
  count = var.heartbeat.enabled ? 1 : 0

  rule      = aws_cloudwatch_event_rule.heartbeat[0].name
  target_id = "kill-switch-heartbeat"
  arn       = local.function_target_arn
  input     = jsonencode(local.heartbeat_event)
}

resource "aws_lambda_permission" "heartbeat" {
  count = var.heartbeat.enabled ? 1 : 0

  statement_id  = "AllowHeartbeatSchedule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = local.function_qualifier
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.heartbeat[0].arn
}
