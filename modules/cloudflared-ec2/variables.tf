variable "name" {
  description = "Name of the connector: the Name tag and the prefix of its role, security group, key alias and secret."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "name must be 2-32 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "vpc_id" {
  description = "ID of the VPC the connector runs in."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as vpc-0123456789abcdef0."
  }
}

variable "subnet_id" {
  description = "ID of the private subnet the connector is placed in. It needs egress (NAT gateway) to Cloudflare's edge on 7844 and to package repositories on 443."
  type        = string

  validation {
    condition     = can(regex("^subnet-[0-9a-f]{8,17}$", var.subnet_id))
    error_message = "subnet_id must be a subnet ID such as subnet-0123456789abcdef0."
  }
}

variable "ami_id" {
  description = "AMI of the connector: a RHEL 9 (9.5 or later, which ships awscli2) arm64 image, pinned by ID so that a new image is a reviewed change, never a drifting lookup. See the README for how to find the current one per region."
  type        = string

  validation {
    condition     = can(regex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$", var.ami_id))
    error_message = "ami_id must be an AMI ID such as ami-0123456789abcdef0."
  }
}

variable "instance_type" {
  description = "EC2 instance type: a Graviton (arm64) type to match the AMI, e.g. t4g.micro."
  type        = string
  default     = "t4g.micro"

  validation {
    condition     = can(regex("^[a-z]+[0-9]+[a-z]*g[a-z]*\\.[0-9a-z]+$", var.instance_type))
    error_message = "instance_type must be a Graviton (arm64) type such as t4g.micro or c7g.large."
  }
}

variable "cpu_credits" {
  description = "CPU credit option of a burstable (t4g) instance: \"standard\" caps spend at the instance price, \"unlimited\" may bill surplus credits. Ignored for other types."
  type        = string
  default     = "standard"

  validation {
    condition     = contains(["standard", "unlimited"], var.cpu_credits)
    error_message = "cpu_credits must be standard or unlimited."
  }
}

variable "root_volume_size" {
  description = "Size of the gp3 root volume in GiB. It cannot be smaller than the AMI's root snapshot."
  type        = number
  default     = 8

  validation {
    condition     = var.root_volume_size >= 8 && var.root_volume_size <= 1024 && floor(var.root_volume_size) == var.root_volume_size
    error_message = "root_volume_size must be a whole number of GiB between 8 and 1024."
  }
}

variable "detailed_monitoring" {
  description = "One-minute CloudWatch metrics for the instance (billed); basic five-minute metrics otherwise."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "ARN of the customer managed KMS key that encrypts the root volume and the token secret. Null to let the module create one (rotation on)."
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

variable "token_secret_recovery_window_in_days" {
  description = "Days a deleted token secret can still be restored; 0 deletes it at once (throwaway environments only)."
  type        = number
  default     = 30

  validation {
    condition     = var.token_secret_recovery_window_in_days == 0 || (var.token_secret_recovery_window_in_days >= 7 && var.token_secret_recovery_window_in_days <= 30)
    error_message = "token_secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "cloudflared_version" {
  description = "cloudflared release installed at boot (e.g. 2025.11.1), from Cloudflare's signed package repository. Pinned: a new version is a reviewed change that replaces the instance."
  type        = string
  default     = "2025.11.1"

  validation {
    condition     = can(regex("^[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+$", var.cloudflared_version))
    error_message = "cloudflared_version must be a cloudflared release such as 2025.11.1."
  }
}

variable "cloudflared_repository" {
  description = "Cloudflare's RPM repository and the GPG key its packages and metadata are signed with."
  type = object({
    baseurl = optional(string, "https://pkg.cloudflare.com/cloudflared/rpm")
    gpgkey  = optional(string, "https://pkg.cloudflare.com/cloudflare-public-v2.gpg")
  })
  default = {}

  validation {
    condition     = startswith(var.cloudflared_repository.baseurl, "https://") && startswith(var.cloudflared_repository.gpgkey, "https://")
    error_message = "cloudflared_repository.baseurl and .gpgkey must be https:// URLs."
  }
}

variable "tunnel_egress_cidr_blocks" {
  description = "Destinations the connector may reach on 7844 (UDP for QUIC, TCP for the HTTP/2 fallback): Cloudflare's edge. Narrow it to Cloudflare's published tunnel ranges if your policy requires."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.tunnel_egress_cidr_blocks) > 0 && alltrue([for cidr in var.tunnel_egress_cidr_blocks : can(cidrnetmask(cidr))])
    error_message = "tunnel_egress_cidr_blocks must hold at least one IPv4 CIDR block."
  }
}

variable "https_egress_cidr_blocks" {
  description = "Destinations the connector may reach on 443: package repositories, Cloudflare's API, and the AWS endpoints (SSM, Secrets Manager) unless they are VPC endpoints."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.https_egress_cidr_blocks) > 0 && alltrue([for cidr in var.https_egress_cidr_blocks : can(cidrnetmask(cidr))])
    error_message = "https_egress_cidr_blocks must hold at least one IPv4 CIDR block."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "instance_tags" {
  description = "Extra tags for the instance and its root volume."
  type        = map(string)
  default     = {}
}
