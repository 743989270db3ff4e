variable "name" {
  description = "Name of the cluster; also the prefix of its roles, security groups, key alias and log group."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "name must be 2-32 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane, e.g. 1.35."
  type        = string
  default     = "1.35"

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version such as 1.35."
  }
}

variable "vpc_id" {
  description = "ID of the VPC of the cluster."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as vpc-0123456789abcdef0."
  }
}

variable "subnet_ids" {
  description = "Private subnets of the control-plane interfaces and the nodes, in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])
    error_message = "subnet_ids must hold at least two subnet IDs (EKS needs two availability zones)."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups admitted to the private Kubernetes API on 443, e.g. the Cloudflare Tunnel connector's, through which engineers reach the cluster over WARP."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.allowed_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", id))])
    error_message = "allowed_security_group_ids must hold security group IDs such as sg-0123456789abcdef0."
  }
}

variable "kms_key_arn" {
  description = "ARN of the customer managed KMS key for Kubernetes secrets, the control-plane log group and the node volumes. Null to let the module create one (rotation on). A key of your own must let CloudWatch Logs and the Auto Scaling service-linked role use it."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-[0-9a-f]{32}|[0-9a-f-]{36})$", var.kms_key_arn))
    error_message = "kms_key_arn must be the ARN of a KMS key (arn:aws:kms:<region>:<account>:key/<uuid>), not an alias."
  }
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before the module-created KMS key is deleted after destroy."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be between 7 and 30."
  }
}

variable "enabled_log_types" {
  description = "Control-plane log types sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  validation {
    condition     = alltrue([for t in var.enabled_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], t)])
    error_message = "enabled_log_types may hold only api, audit, authenticator, controllerManager and scheduler."
  }
}

variable "log_retention_in_days" {
  description = "Retention of the control-plane log group; a value CloudWatch Logs supports."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a retention CloudWatch Logs supports (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "node_group" {
  description = "The managed node group in the private subnets: instance types (matching ami_type's architecture), AMI type, capacity type, sizes, and the gp3 root volume size in GiB."
  type = object({
    instance_types = optional(list(string), ["t4g.medium"])
    ami_type       = optional(string, "AL2023_ARM_64_STANDARD")
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = optional(number, 2)
    desired_size   = optional(number, 2)
    max_size       = optional(number, 4)
    disk_size      = optional(number, 20)
  })
  default = {}

  validation {
    condition     = length(var.node_group.instance_types) > 0 && alltrue([for t in var.node_group.instance_types : can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", t))])
    error_message = "node_group.instance_types must list at least one instance type such as t4g.medium."
  }

  validation {
    condition     = contains(["AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "BOTTLEROCKET_x86_64", "BOTTLEROCKET_ARM_64"], var.node_group.ami_type)
    error_message = "node_group.ami_type must be AL2023_x86_64_STANDARD, AL2023_ARM_64_STANDARD, BOTTLEROCKET_x86_64 or BOTTLEROCKET_ARM_64."
  }

  validation {
    condition     = contains(["ON_DEMAND", "SPOT"], var.node_group.capacity_type)
    error_message = "node_group.capacity_type must be ON_DEMAND or SPOT."
  }

  validation {
    condition     = var.node_group.min_size >= 1 && var.node_group.min_size <= var.node_group.desired_size && var.node_group.desired_size <= var.node_group.max_size && var.node_group.max_size <= 100
    error_message = "node_group sizes must satisfy 1 <= min_size <= desired_size <= max_size <= 100."
  }

  validation {
    condition     = var.node_group.disk_size >= 20 && var.node_group.disk_size <= 1024
    error_message = "node_group.disk_size must be between 20 and 1024 GiB."
  }
}

variable "node_egress_cidr_blocks" {
  description = "Destinations the nodes may reach on any port (image registries, AWS APIs, workload dependencies), through the NAT gateway or inside the VPC."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.node_egress_cidr_blocks) > 0 && alltrue([for cidr in var.node_egress_cidr_blocks : can(cidrnetmask(cidr))])
    error_message = "node_egress_cidr_blocks must hold at least one IPv4 CIDR block."
  }
}

variable "addons" {
  description = "EKS add-ons installed once the nodes are up, by name: optionally a version (the default version for the cluster's Kubernetes version when null) and configuration values as JSON. The default installs the EKS Pod Identity Agent, through which pods get AWS credentials of their own. An empty map installs none; null means the default."
  type = map(object({
    addon_version        = optional(string)
    configuration_values = optional(string)
  }))
  default = {
    eks-pod-identity-agent = {}
  }
  nullable = false

  validation {
    condition     = alltrue([for name, addon in var.addons : can(regex("^[a-z0-9][a-z0-9-]*$", name)) && (addon.configuration_values == null || can(jsondecode(addon.configuration_values)))])
    error_message = "addons must be keyed by add-on names such as eks-pod-identity-agent, and configuration_values must be JSON."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "cluster_tags" {
  description = "Extra tags for the cluster itself."
  type        = map(string)
  default     = {}
}

variable "node_tags" {
  description = "Extra tags for the node group, its instances and their volumes."
  type        = map(string)
  default     = {}
}
