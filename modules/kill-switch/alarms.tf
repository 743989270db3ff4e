################################################################################
# The three trigger alarms on the workgroup. Athena publishes query metrics once a minute,
# each datapoint under the full dimension set (WorkGroup, QueryState, QueryType); an alarm
# matches a metric only with all three. No queries means no data, which is not a breach.
################################################################################

locals {
  bytes_per_tb = 1000000000000
  price_per_tb = format("$%v/TB", var.price_per_tb_usd)

  # A dollar threshold becomes the bytes that cost at most that much, so the alarm trips at or
  # before the amount; a byte threshold is shown in dollars too, in cents rounded up as the
  # function's notice shows them.
  scan_thresholds = {
    for key, alarm in { scan-sustained = var.sustained_scan_alarm, scan-spike = var.spike_scan_alarm } : key => {
      bytes = (alarm.threshold_usd != null
        ? floor(alarm.threshold_usd / var.price_per_tb_usd * local.bytes_per_tb)
      : coalesce(alarm.threshold_bytes, key == "scan-spike" ? 53687091200 : 107374182400))
    }
  }
  scan_threshold_usd = {
    for key, threshold in local.scan_thresholds : key => format("$%.2f", ceil(threshold.bytes / local.bytes_per_tb * var.price_per_tb_usd * 100) / 100)
  }

  trigger_alarms = {
    scan-sustained = {
      description         = "Athena workgroup ${var.workgroup_name} keeps scanning more than ${local.scan_thresholds.scan-sustained.bytes} bytes (${local.scan_threshold_usd.scan-sustained} at ${local.price_per_tb}) per ${var.sustained_scan_alarm.period} s."
      metric_name         = "ProcessedBytes"
      statistic           = "Sum"
      query_state         = var.processed_bytes_query_state
      threshold           = local.scan_thresholds.scan-sustained.bytes
      period              = var.sustained_scan_alarm.period
      evaluation_periods  = var.sustained_scan_alarm.evaluation_periods
      datapoints_to_alarm = coalesce(var.sustained_scan_alarm.datapoints_to_alarm, var.sustained_scan_alarm.evaluation_periods)
    }
    scan-spike = {
      description         = "Athena workgroup ${var.workgroup_name} scanned more than ${local.scan_thresholds.scan-spike.bytes} bytes (${local.scan_threshold_usd.scan-spike} at ${local.price_per_tb}) within ${var.spike_scan_alarm.period} s."
      metric_name         = "ProcessedBytes"
      statistic           = "Sum"
      query_state         = var.processed_bytes_query_state
      threshold           = local.scan_thresholds.scan-spike.bytes
      period              = var.spike_scan_alarm.period
      evaluation_periods  = var.spike_scan_alarm.evaluation_periods
      datapoints_to_alarm = var.spike_scan_alarm.evaluation_periods
    }
    # Every finished query adds one TotalExecutionTime sample under its final state.
    failed-queries = {
      description         = "More than ${var.failed_queries_alarm.threshold} DML queries failed in Athena workgroup ${var.workgroup_name} within ${var.failed_queries_alarm.period} s."
      metric_name         = "TotalExecutionTime"
      statistic           = "SampleCount"
      query_state         = "FAILED"
      threshold           = var.failed_queries_alarm.threshold
      period              = var.failed_queries_alarm.period
      evaluation_periods  = var.failed_queries_alarm.evaluation_periods
      datapoints_to_alarm = var.failed_queries_alarm.evaluation_periods
    }
  }

  trigger_alarm_names = [for key in keys(local.trigger_alarms) : "${var.name}-${key}"]
}

resource "aws_cloudwatch_metric_alarm" "trigger" {
  for_each = local.trigger_alarms

  alarm_name        = "${var.name}-${each.key}"
  alarm_description = "${each.value.description} ALARM disables the service user's access key."

  namespace   = "AWS/Athena"
  metric_name = each.value.metric_name
  statistic   = each.value.statistic
  dimensions = {
    WorkGroup  = var.workgroup_name
    QueryState = each.value.query_state
    QueryType  = "DML"
  }

  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  treat_missing_data  = "notBreaching"

  # People hear of the alarm even if the function cannot act.
  alarm_actions = [aws_sns_topic.this.arn]

  tags = merge({ Name = "${var.name}-${each.key}" }, var.tags)
}

################################################################################
# The kill switch's own health: any failed invocation, any dead letter.
################################################################################

locals {
  health_alarms = {
    function-errors = {
      description = "The kill switch function ${var.name} failed an invocation: a key may still be active."
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      statistic   = "Sum"
      dimensions  = { FunctionName = aws_lambda_function.this.function_name }
      period      = 60
    }
    dead-letters = {
      description = "Events for ${var.name} reached the dead-letter queue ${aws_sqs_queue.dead_letter.name}: they were never acted on."
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      statistic   = "Maximum"
      dimensions  = { QueueName = aws_sqs_queue.dead_letter.name }
      period      = 300
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "health" {
  for_each = local.health_alarms

  alarm_name        = "${var.name}-${each.key}"
  alarm_description = each.value.description

  namespace   = each.value.namespace
  metric_name = each.value.metric_name
  statistic   = each.value.statistic
  dimensions  = each.value.dimensions

  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  period              = each.value.period
  evaluation_periods  = 1
  treat_missing_data  = "notBreaching"

  alarm_actions = [aws_sns_topic.this.arn]
  ok_actions    = [aws_sns_topic.this.arn]

  tags = merge({ Name = "${var.name}-${each.key}" }, var.tags)
}

################################################################################
# Proof of life: the heartbeat's metric (published by the function, namespace and names fixed
# by contract with it). Hourly periods, so that the look-back can exceed a day.
################################################################################

locals {
  heartbeat_namespace = "Platform/KillSwitch"
  heartbeat_hours     = var.heartbeat.interval_hours + var.heartbeat.margin_hours

  heartbeat_alarms = var.heartbeat.enabled ? {
    # Every hour of the look-back without a healthy heartbeat (no heartbeat is missing data,
    # an unhealthy one is 0): the schedule, the function or the metric is broken.
    heartbeat-missing = {
      description         = "No healthy heartbeat from the kill switch ${var.name} for ${local.heartbeat_hours} hours: it may not be able to act (secret gone, key inactive, permission missing, function failing or not scheduled). See docs/runbooks/kill-switch.md, Heartbeat."
      statistic           = "Maximum"
      evaluation_periods  = local.heartbeat_hours
      datapoints_to_alarm = local.heartbeat_hours
      treat_missing_data  = "breaching"
    }
    # The latest heartbeat found something broken; its notice names it.
    heartbeat-unhealthy = {
      description         = "A heartbeat found the kill switch ${var.name} unable to act; the notice of that heartbeat names the failed check. See docs/runbooks/kill-switch.md, Heartbeat."
      statistic           = "Minimum"
      evaluation_periods  = 1
      datapoints_to_alarm = 1
      treat_missing_data  = "notBreaching"
    }
  } : {}
}

resource "aws_cloudwatch_metric_alarm" "heartbeat" {
  for_each = local.heartbeat_alarms

  alarm_name        = "${var.name}-${each.key}"
  alarm_description = each.value.description

  namespace   = local.heartbeat_namespace
  metric_name = "Heartbeat"
  statistic   = each.value.statistic
  dimensions  = { FunctionName = aws_lambda_function.this.function_name }

  comparison_operator = "LessThanThreshold"
  threshold           = 1
  period              = 3600
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  treat_missing_data  = each.value.treat_missing_data

  alarm_actions = [aws_sns_topic.this.arn]
  ok_actions    = [aws_sns_topic.this.arn]

  tags = merge({ Name = "${var.name}-${each.key}" }, var.tags)
}
