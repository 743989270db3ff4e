output "workgroups" {
  description = "The workgroups by key: name and ARN."
  value       = module.athena.workgroups
}

output "results_bucket_name" {
  description = "Name of the query results bucket."
  value       = module.athena.results_bucket_name
}

output "kms_key_arn" {
  description = "ARN of the CMK that encrypts the results."
  value       = module.athena.kms_key_arn
}
