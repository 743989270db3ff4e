variable "region" {
  description = "AWS region of the token secret."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Name of the example tunnel."
  type        = string
  default     = "tunnel-example"
}

variable "account_id" {
  description = "Cloudflare account ID."
  type        = string
}

variable "zone_id" {
  description = "Cloudflare zone ID of zone_name."
  type        = string
}

variable "zone_name" {
  description = "Zone the two example hostnames, app and grafana, are created below."
  type        = string
}

variable "identity_provider_id" {
  description = "UUID of the account's Okta identity provider in Cloudflare Access."
  type        = string
}

variable "access_team_name" {
  description = "Zero Trust team name; null skips the Access token check in cloudflared."
  type        = string
  default     = null
}

variable "alb_dns_name" {
  description = "DNS name of the internal ALB behind the tunnel."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC routed to WARP clients."
  type        = string
  default     = "10.99.0.0/16"
}

variable "token_secret_arn" {
  description = "ARN of the existing, empty Secrets Manager secret that receives the tunnel token."
  type        = string
}
