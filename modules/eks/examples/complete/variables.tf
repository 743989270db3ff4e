variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the example cluster and its VPC."
  type        = string
  default     = "eks-example"
}
