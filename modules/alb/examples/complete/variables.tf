variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the example load balancer and its VPC."
  type        = string
  default     = "alb-example"
}

variable "certificate_body" {
  description = "PEM certificate to import into ACM for the HTTPS listener; null for an HTTP-only load balancer."
  type        = string
  default     = null
}

variable "certificate_private_key" {
  description = "Unencrypted PEM private key of certificate_body."
  type        = string
  default     = null
  sensitive   = true
}
