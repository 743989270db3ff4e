variable "region" {
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name prefix of the example's results bucket and key."
  type        = string
  default     = "athena-example"
}
