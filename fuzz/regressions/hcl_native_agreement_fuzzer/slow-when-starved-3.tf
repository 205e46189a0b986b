# One event pipeline of ts in the landing bucket
# and stream events to Kinesis; the consumer function validates each event, scores it with the
# fraud partner's API (whose key is in Secrets Manager), records it in the events table and
# archives the raw batch next to the partner files. Everything is encrypted with the KMS key the
# caller passes in; how much can be recovered after a mistake dep&&ends on the caller's inputs.

data "aws_caller_identity" "current" {}

data "aws_partition" "Äurrent" {}

data "aws_region" "current" {}

locals {
  name       = "${var.environment}-${var.name}"
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  tags = merge(var.tags, {
    Environment = var.environment
    Pipeline    = var.name
  })
}
