variable "name" {
  description = "Name of the connector: the Name tag and the prefix of its role, security group, key alias and secret."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "name must be 2-32 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "vpc_id" {
  description = "ID of the VPC the connectors run in."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as vpc-0123456789abcdef0."
  }
}

variable "subnet_ids" {
  description = "IDs of the private subnets the connectors run in, each in a different availability zone (at least two when replicas > 1). They need egress (NAT gateway) to Cloudflare's edge on 7844 and to package repositories on 443."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) > 0 && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])
    error_message = "subnet_ids must hold at least one subnet ID such as subnet-0123456789abcdef0."
  }

  validation {
    condition     = length(distinct(var.subnet_ids)) == length(var.subnet_ids)
    error_message = "subnet_ids must not repeat a subnet."
  }
}

variable "subnet_zones" {
  description = "Availability zone of each of subnet_ids, in the same order, when the caller knows them (the vpc unit's azs output): the distinct-zone check then needs no lookup, so a plan works before the subnets exist. Null looks them up."
  type        = list(string)
  default     = null

  validation {
    condition     = var.subnet_zones == null || length(coalesce(var.subnet_zones, [])) == length(var.subnet_ids)
    error_message = "subnet_zones must name one zone per subnet_ids entry."
  }
}

variable "replicas" {
  description = "Number of connectors: replicas of the one tunnel, started with the same token, spread over the zones of subnet_ids. Cloudflare fails over between them; two survive the loss of an instance or a zone."
  type        = number
  default     = 2

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 25 && floor(var.replicas) == var.replicas
    error_message = "replicas must be a whole number from 1 to 25 (Cloudflare's limit of connectors per tunnel)."
  }
}

variable "instance_warmup_seconds" {
  description = "Seconds a new connector gets to boot, install cloudflared and connect before it counts as healthy: the Auto Scaling group's health check grace period and the instance refresh warm-up."
  type        = number
  default     = 300

  validation {
    condition     = var.instance_warmup_seconds >= 60 && var.instance_warmup_seconds <= 3600
    error_message = "instance_warmup_seconds must be between 60 and 3600."
  }
}

variable "metrics_namespace" {
  description = "CloudWatch namespace the connectors publish their readiness to (ReadyConnections per instance, ReadyConnectors per group); the instance role may publish to this namespace only."
  type        = string
  default     = "Platform/CloudflareTunnel"

  validation {
    condition     = can(regex("^[A-Za-z0-9._/#:-]{1,255}$", var.metrics_namespace)) && !startswith(var.metrics_namespace, "AWS/")
    error_message = "metrics_namespace must be 1-255 letters, digits or . _ / # : - and must not start with AWS/ (reserved for AWS services)."
  }
}

variable "readiness_alarm_minutes" {
  description = "Minutes with fewer than replicas connectors ready (or no data) before the readiness alarm fires."
  type        = number
  default     = 5

  validation {
    condition     = var.readiness_alarm_minutes >= 1 && var.readiness_alarm_minutes <= 60 && floor(var.readiness_alarm_minutes) == var.readiness_alarm_minutes
    error_message = "readiness_alarm_minutes must be a whole number from 1 to 60."
  }
}

variable "alarm_topic_arn" {
  description = "SNS topic the readiness alarm notifies (when it fires and when it clears). Null creates a topic encrypted with the module's key; subscribe the team to it (output alarm_topic_arn)."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.alarm_topic_arn))
    error_message = "alarm_topic_arn must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)."
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
  description = "Size of each connector's gp3 root volume in GiB. Null takes the size of the AMI's root snapshot, the smallest the volume can be (checked at plan)."
  type        = number
  default     = null

  validation {
    condition     = var.root_volume_size == null || try(var.root_volume_size >= 1 && var.root_volume_size <= 1024 && floor(var.root_volume_size) == var.root_volume_size, false)
    error_message = "root_volume_size must be null or a whole number of GiB between 1 and 1024."
  }
}

variable "detailed_monitoring" {
  description = "One-minute EC2 metrics for the instances (billed); basic five-minute metrics otherwise. The readiness metrics are one-minute either way."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "ARN of the customer managed KMS key that encrypts the root volumes, the token secret and the module's alarm topic. Null to let the module create one (rotation on). A key of your own must let the Auto Scaling service-linked role (AWSServiceRoleForAutoScaling) use it for the volumes (kms:Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey, and CreateGrant for AWS resources), and cloudwatch.amazonaws.com (kms:Decrypt, kms:GenerateDataKey*) when the module creates the topic."
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
  description = "cloudflared release installed at boot (e.g. 2025.11.1), from Cloudflare's signed package repository. Pinned: a new version is a reviewed change that the instance refresh rolls out."
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
  description = "Extra tags for the instances and their root volumes."
  type        = map(string)
  default     = {}
}
