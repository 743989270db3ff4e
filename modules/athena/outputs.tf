output "workgroups" {
  description = "The workgroups by key: name and ARN."
  value       = { for key, wg in aws_athena_workgroup.this : key => { name = wg.name, arn = wg.arn } }
}

output "results_bucket_name" {
  description = "Name of the query results bucket."
  value       = try(aws_s3_bucket.results.id, null)
}

output "results_bucket_arn" {
  description = "ARN of the query results bucket."
  value       = try(aws_s3_bucket.results.arn, null)
}

output "kms_key_arn" {
  description = "ARN of the CMK that encrypts the results (module-created or given)."
  value       = local.kms_key_arn
}
