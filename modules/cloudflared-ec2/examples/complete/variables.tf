variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the example connector and its VPC."
  type        = string
  default     = "cloudflared-example"
}

variable "ami_id" {
  description = "RHEL 9 arm64 AMI in var.region (see the module README for how to find it)."
  type        = string
}
