data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition   = data.aws_partition.current.partition
  kms_key_arn = coalesce(var.kms_key_arn, try(module.kms[0].key_arn, null))
}

################################################################################
# Control plane: private endpoint only, secrets encrypted with the CMK, logs on
################################################################################

# Created before the cluster so that retention and encryption apply from the first line.
resource "aws_cloudwatch_log_group" "this" {
  # checkov:skip=CKV_AWS_338: retention is the caller's validated choice; prod keeps a year, local a week
  name              = "/aws/eks/${var.name}/cluster"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = local.kms_key_arn

  tags = merge({ Name = var.name }, var.tags)
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  enabled_cluster_log_types = var.enabled_log_types

  vpc_config {
    subnet_ids              = var.subnet_ids
    security_group_ids      = [aws_security_group.cluster.id]
    endpoint_private_access = true
    endpoint_public_access  = false
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = local.kms_key_arn
    }
  }

  tags = merge({ Name = var.name }, var.tags, var.cluster_tags)

  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy_attachment.cluster,
  ]
}

################################################################################
# Managed node group in the private subnets
################################################################################

# IMDSv2 with one hop keeps pods away from the node role's credentials (pods get their own
# through EKS Pod Identity); the root volume is encrypted with the CMK.
resource "aws_launch_template" "node" {
  name_prefix            = "${var.name}-node-"
  description            = "Nodes of EKS cluster ${var.name}"
  update_default_version = true
  vpc_security_group_ids = [aws_security_group.node.id]

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_type           = "gp3"
      volume_size           = var.node_group.disk_size
      encrypted             = true
      kms_key_id            = local.kms_key_arn
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge({ Name = "${var.name}-node" }, var.tags, var.node_tags)
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge({ Name = "${var.name}-node" }, var.tags, var.node_tags)
  }

  tags = merge({ Name = "${var.name}-node" }, var.tags)
}

resource "aws_eks_node_group" "this" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "${var.name}-default"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids

  ami_type       = var.node_group.ami_type
  capacity_type  = var.node_group.capacity_type
  instance_types = var.node_group.instance_types

  scaling_config {
    min_size     = var.node_group.min_size
    desired_size = var.node_group.desired_size
    max_size     = var.node_group.max_size
  }

  update_config {
    max_unavailable = 1
  }

  launch_template {
    id      = aws_launch_template.node.id
    version = aws_launch_template.node.latest_version
  }

  tags = merge({ Name = "${var.name}-default" }, var.tags, var.node_tags)

  depends_on = [aws_iam_role_policy_attachment.node]
}

################################################################################
# Add-ons
################################################################################

# After the node group: the default add-on runs as a DaemonSet and only becomes active once
# there are nodes to run it on.
resource "aws_eks_addon" "this" {
  for_each = var.addons

  cluster_name         = aws_eks_cluster.this.name
  addon_name           = each.key
  addon_version        = each.value.addon_version
  configuration_values = each.value.configuration_values

  # The module owns the add-on's configuration: values changed by hand are put back.
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = var.tags

  depends_on = [aws_eks_node_group.this]
}
