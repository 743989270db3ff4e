terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100"
    }
  }
}

variable "name" {
  description = "Queue name."
  type        = string
}

variable "owner" {
  description = "Owner tag: changing it is an in-place update."
  type        = string
  default     = "platform"
}

variable "label" {
  description = "Only echoed as an output: changing it is an output-only change."
  type        = string
  default     = "v1"
}

resource "aws_sqs_queue" "this" {
  name                    = var.name
  sqs_managed_sse_enabled = true

  tags = {
    Owner = var.owner
  }
}

output "url" {
  description = "URL of the queue."
  value       = aws_sqs_queue.this.url
}

output "label" {
  description = "The label input, unchanged."
  value       = var.label
}
