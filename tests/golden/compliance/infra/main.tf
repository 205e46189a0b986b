# A small, fixed estate for the compliance reports' golden tests (tests/e2e/report_golden_test.cpp).
# Changing it changes every expected report in tests/golden/expected/report.*.

# Customer exports: without versioning an overwrite or delete loses the only copy.
resource "aws_s3_bucket" "exports" {
  bucket = "golden-exports"
}

# Scratch space that the team accepts losing; the suppression carries its owner and expiry, and
# a reason with characters every format must escape.
# bulwark:ignore aws-s3-bucket-versioning reason="scratch <files> & temp | rebuilt *nightly*" expires=2099-12-31 owner=data-team
resource "aws_s3_bucket" "scratch" {
  bucket = "golden-scratch"
}

# An accepted risk whose acceptance ran out: reported as failing again, and as an input problem.
# bulwark:ignore aws-s3-bucket-versioning reason="migration bucket" expires=2020-06-30 owner=platform
resource "aws_s3_bucket" "migration" {
  bucket = "golden-migration"
}

# Versioned through the split resource, as AWS provider v4+ writes it.
resource "aws_s3_bucket" "audit" {
  bucket = "golden-audit"
}

resource "aws_s3_bucket_versioning" "audit" {
  bucket = aws_s3_bucket.audit.id
  versioning_configuration {
    status = "Enabled"
  }
}
