################################################################################
# Security groups: the cluster's (API) and the nodes'
################################################################################

resource "aws_security_group" "cluster" {
  name_prefix = "${var.name}-cluster-"
  description = "EKS cluster ${var.name}: the private Kubernetes API"
  vpc_id      = var.vpc_id

  tags = merge({ Name = "${var.name}-cluster" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "node" {
  name_prefix = "${var.name}-node-"
  description = "Nodes of EKS cluster ${var.name}"
  vpc_id      = var.vpc_id

  # The AWS load balancer controller finds the node group by this tag.
  tags = merge({ Name = "${var.name}-node", "kubernetes.io/cluster/${var.name}" = "owned" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

# Engineers reach the API over WARP through the tunnel connector, never from the internet.
resource "aws_vpc_security_group_ingress_rule" "cluster_from_allowed" {
  count = length(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.cluster.id
  description                  = "Kubernetes API from an allowed security group"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = var.allowed_security_group_ids[count.index]

  tags = merge({ Name = "${var.name}-api-from-allowed-${count.index}" }, var.tags)
}

resource "aws_vpc_security_group_ingress_rule" "cluster_from_nodes" {
  security_group_id            = aws_security_group.cluster.id
  description                  = "Kubernetes API from the nodes"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.node.id

  tags = merge({ Name = "${var.name}-api-from-nodes" }, var.tags)
}

locals {
  # The control plane calls the kubelets and the admission webhooks on the nodes.
  control_plane_to_nodes = {
    kubelet  = { port = 10250, description = "Kubelet API from the control plane" }
    webhooks = { port = 443, description = "Admission webhooks from the control plane" }
  }
}

resource "aws_vpc_security_group_egress_rule" "cluster_to_nodes" {
  for_each = local.control_plane_to_nodes

  security_group_id            = aws_security_group.cluster.id
  description                  = each.value.description
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.node.id

  tags = merge({ Name = "${var.name}-cluster-to-nodes-${each.key}" }, var.tags)
}

resource "aws_vpc_security_group_ingress_rule" "node_from_cluster" {
  for_each = local.control_plane_to_nodes

  security_group_id            = aws_security_group.node.id
  description                  = each.value.description
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.cluster.id

  tags = merge({ Name = "${var.name}-node-from-cluster-${each.key}" }, var.tags)
}

# Pods talk to pods (and CoreDNS) across nodes.
resource "aws_vpc_security_group_ingress_rule" "node_from_nodes" {
  security_group_id            = aws_security_group.node.id
  description                  = "Node to node (pod traffic, DNS)"
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.node.id

  tags = merge({ Name = "${var.name}-node-from-nodes" }, var.tags)
}

resource "aws_vpc_security_group_egress_rule" "node" {
  # checkov:skip=CKV_AWS_382: nodes pull images and call AWS APIs through the NAT gateway; narrow with var.node_egress_cidr_blocks and Kubernetes network policies
  count = length(var.node_egress_cidr_blocks)

  security_group_id = aws_security_group.node.id
  description       = "Node egress"
  ip_protocol       = "-1"
  cidr_ipv4         = var.node_egress_cidr_blocks[count.index]

  tags = merge({ Name = "${var.name}-node-egress-${count.index}" }, var.tags)
}
