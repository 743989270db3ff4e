# Emulator only (docs/emulator-gaps.md). Terraform merges this override file into the
# module's resources; the module, used as it is by staging and prod, is unchanged. Each entry
# ignores an attribute moto does not read back as written:
# - a managed node group without remote access is reported with remote access (key
#   "eksKeypair"), which would replace the node group, and its update_config is not kept;
# - a launch template's own tags come back as a tag specification of its data;
# - a rule that references a security group loses its description.
resource "aws_eks_node_group" "this" {
  lifecycle {
    ignore_changes = [remote_access, update_config]
  }
}

resource "aws_launch_template" "node" {
  lifecycle {
    ignore_changes = [tag_specifications]
  }
}

resource "aws_vpc_security_group_ingress_rule" "cluster_from_allowed" {
  lifecycle {
    ignore_changes = [description]
  }
}

resource "aws_vpc_security_group_ingress_rule" "cluster_from_nodes" {
  lifecycle {
    ignore_changes = [description]
  }
}

resource "aws_vpc_security_group_egress_rule" "cluster_to_nodes" {
  lifecycle {
    ignore_changes = [description]
  }
}

resource "aws_vpc_security_group_ingress_rule" "node_from_cluster" {
  lifecycle {
    ignore_changes = [description]
  }
}

resource "aws_vpc_security_group_ingress_rule" "node_from_nodes" {
  lifecycle {
    ignore_changes = [description]
  }
}
