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

variable "addons" {
  description = "EKS add-ons of the cluster, as the module takes them; null for the module's default (the EKS Pod Identity Agent)."
  type = map(object({
    addon_version        = optional(string)
    configuration_values = optional(string)
  }))
  default = null
}
