variable "name" {
  description = "Name of the load balancer; also the prefix of its security group and target groups."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,22}[a-z0-9]$", var.name))
    error_message = "name must be 2-24 lowercase letters, digits or hyphens, not starting or ending with a hyphen (target group names add a suffix within AWS's 32 characters)."
  }
}

variable "vpc_id" {
  description = "ID of the VPC of the load balancer and its targets."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as vpc-0123456789abcdef0."
  }
}

variable "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC: the only destination the load balancer may send to (its targets and their health checks)."
  type        = string

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr_block))
    error_message = "vpc_cidr_block must be an IPv4 CIDR block such as 10.0.0.0/16."
  }
}

variable "subnet_ids" {
  description = "Private subnets of the load balancer, in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])
    error_message = "subnet_ids must hold at least two subnet IDs (an ALB spans two availability zones)."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups admitted to the listeners, e.g. the Cloudflare Tunnel connector's. Nothing else can reach the load balancer."
  type        = list(string)

  validation {
    condition     = length(var.allowed_security_group_ids) > 0 && alltrue([for id in var.allowed_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", id))])
    error_message = "allowed_security_group_ids must hold at least one security group ID such as sg-0123456789abcdef0."
  }
}

variable "target_security_group_ids" {
  description = "Security groups that hold the targets, e.g. the EKS node security group (pods on the VPC CNI carry their node's groups). Each gets an ingress rule from this load balancer on every target port, so the targets admit the ALB and nothing else is opened."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.target_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", id))])
    error_message = "target_security_group_ids must hold security group IDs such as sg-0123456789abcdef0."
  }
}

variable "https" {
  description = "The HTTPS listener on 443: an ACM certificate and a TLS 1.2+ policy. With it, HTTP on 80 redirects to HTTPS. Null for HTTP only on 80: TLS then ends at Cloudflare's edge and the tunnel, and the last hop (connector to load balancer) stays inside the VPC."
  type = object({
    certificate_arn = string
    ssl_policy      = optional(string, "ELBSecurityPolicy-TLS13-1-2-2021-06")
  })
  default = null

  validation {
    condition     = var.https == null || can(regex("^arn:aws[a-z-]*:(acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}|iam::[0-9]{12}:server-certificate/.+)$", var.https.certificate_arn))
    error_message = "https.certificate_arn must be the ARN of an ACM certificate (arn:aws:acm:<region>:<account>:certificate/<uuid>) or of an IAM server certificate."
  }

  validation {
    condition     = var.https == null || can(regex("^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)", var.https.ssl_policy))
    error_message = "https.ssl_policy must allow TLS 1.2 or later only, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06 or ELBSecurityPolicy-TLS13-1-3-2021-06."
  }
}

variable "target_groups" {
  description = "Target groups of pod IPs (target type ip, registered by the AWS Load Balancer Controller or TargetGroupBinding), keyed by a short name. Requests go to a group when they match its host_headers and/or path_patterns (rules evaluated by priority); default_target_group receives the rest."
  type = map(object({
    port                 = optional(number, 8080)
    protocol             = optional(string, "HTTP")
    deregistration_delay = optional(number, 30)
    priority             = number
    host_headers         = optional(list(string), [])
    path_patterns        = optional(list(string), [])
    health_check = optional(object({
      path                = optional(string, "/healthz")
      matcher             = optional(string, "200-399")
      interval            = optional(number, 15)
      timeout             = optional(number, 5)
      healthy_threshold   = optional(number, 3)
      unhealthy_threshold = optional(number, 3)
    }), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for key, tg in var.target_groups : can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", key)) && length(key) <= 31 - length(var.name)])
    error_message = "target_groups keys must be lowercase letters, digits or hyphens and, with the name and a hyphen, fit AWS's 32 characters."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.port >= 1 && tg.port <= 65535 && contains(["HTTP", "HTTPS"], tg.protocol)])
    error_message = "Every target group needs a port between 1 and 65535 and protocol HTTP or HTTPS."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.priority >= 1 && tg.priority <= 50000]) && length(distinct([for tg in var.target_groups : tg.priority])) == length(var.target_groups)
    error_message = "Every target group needs a distinct listener rule priority between 1 and 50000."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : length(tg.host_headers) + length(tg.path_patterns) > 0])
    error_message = "Every target group needs host_headers or path_patterns to route requests to it."
  }

  validation {
    condition     = alltrue([for tg in var.target_groups : tg.health_check.timeout < tg.health_check.interval && tg.health_check.interval >= 5 && tg.health_check.interval <= 300 && tg.deregistration_delay >= 0 && tg.deregistration_delay <= 3600])
    error_message = "Health checks need 5 <= interval <= 300 and a timeout below the interval; deregistration_delay must be 0-3600 seconds."
  }
}

variable "default_target_group" {
  description = "Key of the target group that receives requests no rule matches. Null answers them with 404."
  type        = string
  default     = null

  validation {
    condition     = var.default_target_group == null || contains(keys(var.target_groups), coalesce(var.default_target_group, "-"))
    error_message = "default_target_group must be one of the keys of target_groups."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the load balancer through the API (on in prod)."
  type        = bool
  default     = true
}

variable "idle_timeout" {
  description = "Seconds a connection may stay idle."
  type        = number
  default     = 60

  validation {
    condition     = var.idle_timeout >= 1 && var.idle_timeout <= 4000
    error_message = "idle_timeout must be between 1 and 4000 seconds."
  }
}

variable "access_logs" {
  description = "Access logs to an S3 bucket whose policy lets Elastic Load Balancing write to it (see the README)."
  type = object({
    enabled = optional(bool, false)
    bucket  = optional(string)
    prefix  = optional(string)
  })
  default = {}

  validation {
    condition     = !var.access_logs.enabled || var.access_logs.bucket != null
    error_message = "access_logs.bucket is required when access_logs.enabled is true."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
