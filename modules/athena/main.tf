data "aws_caller_identity" "current" {}

locals {
  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? module.kms[0].key_arn : var.kms_key_arn

  bucket_name = coalesce(var.results_bucket_name, "${var.name}-athena-results-${data.aws_caller_identity.current.account_id}")
}

################################################################################
# Encryption key (results bucket and query results)
################################################################################

# Athena reads and writes results with the caller's credentials, so the account's IAM policies
# decide who may use the key.
module "kms" {
  source = "../_kms-key"
  count  = local.create_kms_key ? 1 : 0

  description             = "Athena ${var.name}: query results"
  alias_name              = "${var.name}-athena"
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = merge({ Name = "${var.name}-athena" }, var.tags)
}

################################################################################
# Results bucket
################################################################################

resource "aws_s3_bucket" "results" {
  # checkov:skip=CKV_AWS_144: query results are disposable and expire; replicating them to a second region buys nothing
  # checkov:skip=CKV2_AWS_62: nothing consumes result-object events
  # checkov:skip=CKV_AWS_18: access logging is opt-in through var.access_log (it needs a log bucket that exists outside this module)
  bucket        = local.bucket_name
  force_destroy = var.force_destroy

  tags = merge({ Name = local.bucket_name }, var.tags)
}

resource "aws_s3_bucket_ownership_controls" "results" {
  bucket = aws_s3_bucket.results.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "results" {
  bucket = aws_s3_bucket.results.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "results" {
  bucket = aws_s3_bucket.results.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "results" {
  bucket = aws_s3_bucket.results.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = local.kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "results" {
  bucket = aws_s3_bucket.results.id

  rule {
    id     = "expire-query-results"
    status = "Enabled"

    filter {}

    expiration {
      days = var.results_expiration_days
    }

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  # Lifecycle rules on a bucket whose versioning is still being enabled may be rejected.
  depends_on = [aws_s3_bucket_versioning.results]
}

resource "aws_s3_bucket_logging" "results" {
  count = var.access_log != null ? 1 : 0

  bucket        = aws_s3_bucket.results.id
  target_bucket = var.access_log.target_bucket
  target_prefix = var.access_log.target_prefix
}

data "aws_iam_policy_document" "results" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.results.arn, "${aws_s3_bucket.results.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "results" {
  bucket = aws_s3_bucket.results.id
  policy = data.aws_iam_policy_document.results.json

  # A policy put before the public access block settles can be refused as public.
  depends_on = [aws_s3_bucket_public_access_block.results]
}

################################################################################
# Workgroups
################################################################################

resource "aws_athena_workgroup" "this" {
  for_each = var.workgroups

  name          = each.key
  description   = each.value.description
  state         = each.value.state
  force_destroy = each.value.force_destroy

  configuration {
    # The workgroup's settings win over anything a client asks for: the cutoff, the metrics
    # the kill switch watches, and where and how results are written.
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = each.value.bytes_scanned_cutoff_per_query
    requester_pays_enabled             = each.value.requester_pays_enabled

    engine_version {
      selected_engine_version = each.value.selected_engine_version
    }

    result_configuration {
      output_location       = "s3://${aws_s3_bucket.results.id}/${each.key}/"
      expected_bucket_owner = data.aws_caller_identity.current.account_id

      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = local.kms_key_arn
      }
    }
  }

  tags = merge({ Name = each.key }, var.tags, each.value.tags)
}
