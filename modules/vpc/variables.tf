variable "name" {
  description = "Name used on every resource of the VPC (the Name tag and name prefixes)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$", var.name))
    error_message = "name must be 2-40 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "cidr" {
  description = "IPv4 CIDR block of the VPC, between /16 and /28."
  type        = string

  validation {
    condition     = can(cidrnetmask(var.cidr)) && tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 28
    error_message = "cidr must be an IPv4 CIDR block between /16 and /28, e.g. 10.0.0.0/16."
  }
}

variable "azs" {
  description = "Availability zones to spread the subnets over; at least two."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2 && length(distinct(var.azs)) == length(var.azs)
    error_message = "azs must list at least two distinct availability zones."
  }
}

variable "public_subnets" {
  description = "CIDR blocks of the public subnets, one per availability zone in order. Empty for a VPC without internet gateway."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.public_subnets : can(cidrnetmask(cidr))])
    error_message = "Every public subnet must be an IPv4 CIDR block."
  }
}

variable "private_subnets" {
  description = "CIDR blocks of the private subnets, one per availability zone in order."
  type        = list(string)

  validation {
    condition     = length(var.private_subnets) >= 2 && alltrue([for cidr in var.private_subnets : can(cidrnetmask(cidr))])
    error_message = "private_subnets must hold at least two IPv4 CIDR blocks (workloads span two zones)."
  }
}

variable "nat_gateway" {
  description = "Egress for the private subnets: \"none\", \"single\" (one NAT gateway, cheapest) or \"one_per_az\" (zone-resilient)."
  type        = string
  default     = "single"

  validation {
    condition     = contains(["none", "single", "one_per_az"], var.nat_gateway)
    error_message = "nat_gateway must be one of: none, single, one_per_az."
  }

  validation {
    condition     = var.nat_gateway == "none" || length(var.public_subnets) >= (var.nat_gateway == "one_per_az" ? length(var.azs) : 1)
    error_message = "A NAT gateway lives in a public subnet: \"single\" needs one public subnet, \"one_per_az\" one per availability zone."
  }
}

variable "flow_log" {
  description = "VPC flow logs to CloudWatch Logs. kms_key_arn encrypts the log group (recommended); retention_in_days must be a CloudWatch-supported value."
  type = object({
    enabled           = optional(bool, false)
    traffic_type      = optional(string, "ALL")
    retention_in_days = optional(number, 90)
    kms_key_arn       = optional(string)
  })
  default = {}

  validation {
    condition     = contains(["ACCEPT", "REJECT", "ALL"], var.flow_log.traffic_type)
    error_message = "flow_log.traffic_type must be ACCEPT, REJECT or ALL."
  }

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log.retention_in_days)
    error_message = "flow_log.retention_in_days must be a retention CloudWatch Logs supports (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "vpc_tags" {
  description = "Extra tags for the VPC itself."
  type        = map(string)
  default     = {}
}

variable "public_subnet_tags" {
  description = "Extra tags for the public subnets (e.g. kubernetes.io/role/elb = 1)."
  type        = map(string)
  default     = {}
}

variable "private_subnet_tags" {
  description = "Extra tags for the private subnets (e.g. kubernetes.io/role/internal-elb = 1)."
  type        = map(string)
  default     = {}
}

variable "vpc_endpoints" {
  description = "Interface VPC endpoints to create in the private subnets, by service name without the com.amazonaws.<region>. prefix: e.g. ssm, ssmmessages, ec2messages (Session Manager), secretsmanager, kms, sts. Each gets private DNS and the shared endpoint security group (HTTPS from the VPC CIDR only). Empty for none."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for service in var.vpc_endpoints : can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", service))])
    error_message = "vpc_endpoints holds service names such as ssm or secretsmanager: lowercase letters, digits, dots and hyphens, without the com.amazonaws.<region>. prefix."
  }
}
