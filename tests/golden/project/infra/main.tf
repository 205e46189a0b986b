# Exports land here; without versioning an overwrite or delete loses the only copy.
resource "aws_s3_bucket" "exports" {
  bucket = "golden-exports"
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
