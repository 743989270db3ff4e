################################################################################
# Readiness: every connector publishes its edge connections once a minute (templates/
# readiness.sh.tftpl); an alarm fires when fewer than `replicas` connectors are ready
################################################################################

resource "aws_sns_topic" "alarms" {
  count = var.alarm_topic_arn == null ? 1 : 0

  name_prefix       = "${var.name}-alarms-"
  display_name      = "Cloudflare Tunnel ${var.name}"
  kms_master_key_id = local.kms_key_arn

  tags = merge({ Name = "${var.name}-alarms" }, var.tags)
}

locals {
  alarm_topic_arn = coalesce(var.alarm_topic_arn, try(aws_sns_topic.alarms[0].arn, null))
}

resource "aws_cloudwatch_metric_alarm" "readiness" {
  alarm_name        = "${var.name}-connectors-ready"
  alarm_description = "Fewer than ${var.replicas} of the ${var.name} tunnel connectors held a connection to Cloudflare's edge for ${var.readiness_alarm_minutes} minutes. No data counts as not ready: a connector that stopped publishing is down."

  namespace   = var.metrics_namespace
  metric_name = "ReadyConnectors"
  dimensions = {
    AutoScalingGroupName = local.group_name
  }
  # Each connector publishes 1 (ready) or 0 per minute, stamped with the minute, so the sum of a
  # minute is the number of ready connectors.
  statistic = "Sum"
  period    = 60

  comparison_operator = "LessThanThreshold"
  threshold           = var.replicas
  evaluation_periods  = var.readiness_alarm_minutes
  datapoints_to_alarm = var.readiness_alarm_minutes
  treat_missing_data  = "breaching"

  alarm_actions = [local.alarm_topic_arn]
  ok_actions    = [local.alarm_topic_arn]

  tags = merge({ Name = "${var.name}-connectors-ready" }, var.tags)
}
