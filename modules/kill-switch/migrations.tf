# The key and its alias moved into the shared _kms-key module: states applied before keep them.
moved {
  from = aws_kms_key.this[0]
  to   = module.kms[0].aws_kms_key.this
}

moved {
  from = aws_kms_alias.this[0]
  to   = module.kms[0].aws_kms_alias.this
}
