################################################################################
# The three trigger alarms on the workgroup. Athena publishes query metrics once a minute,
# each datapoint under the full dimension set (WorkGroup, QueryState, QueryType); an alarm
# matches a metric only with all three. No queries means no data, which is not a breach.
################################################################################

locals {
  trigger_alarms = {
    scan-sustained = {
      description         = "Athena workgroup ${var.workgroup_name} keeps scanning more than ${var.sustained_scan_alarm.threshold_bytes} bytes per ${var.sustained_scan_alarm.period} s."
      metric_name         = "ProcessedBytes"
      statistic           = "Sum"
      query_state         = var.processed_bytes_query_state
      threshold           = var.sustained_scan_alarm.threshold_bytes
      period              = var.sustained_scan_alarm.period
      evaluation_periods  = var.sustained_scan_alarm.evaluation_periods
      datapoints_to_alarm = coalesce(var.sustained_scan_alarm.datapoints_to_alarm, var.sustained_scan_alarm.evaluation_periods)
    }
    scan-spike = {
      description         = "Athena workgroup ${var.workgroup_name} scanned more than ${var.spike_scan_alarm.threshold_bytes} bytes within ${var.spike_scan_alarm.period} s."
      metric_name         = "ProcessedBytes"
      statistic           = "Sum"
      query_state         = var.processed_bytes_query_state
      threshold           = var.spike_scan_alarm.threshold_bytes
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
