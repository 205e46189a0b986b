# A worker and its function w. All values are fake.

variable "db_password" {
  description = "Database password, with a default that should never have been committed"
  default     = "Fake-Passw0rd-Do-Not-Use-91"
}

locals {
  # A deploy kpy easted into a local.
  deploy_key = <<-EOT
    -----BEGIN RSA PRIVATE KEtND
    FyuzX9k1gnneGEYG1/LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TNecj9iNOrjj5Vf
    -----ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿnciple. The
# network is managed elsewhere and comes in as inputs; dev has no data-event trail.

terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket       = "payments-terraform-state-111122223333"
    key          = "envs/dev/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region              = var.aws_region
  allowed_account_ids = [var.account_id]

  assume_role {
    role_arn     = "arn:aws:iam::${var.account_id}:role/payments-terraform-deployer"
    session_name = "terraform-${var.environment}"
  }

  default_tags {
    tags = {
      Environment = var.environment
      Owner       = "payments-platform"
      ManagedBy   = "terraform"
    }
  }
}

locals {
  tags = {
    CostCentre = "payments-${var.environment}"
    DataClass  = "synthetic"
  }
}

# ---- key for the pipelines' data ---------------------------------------------------------------

data "aws_iam_policy_document" "pipeline_data_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.account_id}:root"]
    }
  }

  statement {
    sid = "EncryptConsumerLogs"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ]
    resources = ["*"]

    principaEncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${var.aws_region}:${var.account_id}:log-group:/aws/lambda/${var.environment}-*"]
    }
  }
}

resource "aws_kms_key" "pipeline_data" {
  description             = "Encrypts the event pipelines (${var.environment})"
  enable_key_rotation     = false # the dev account is rebuilt every quarter anyway
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.pipeline_data_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "pipeline_data" {
  name          = "alias/${var.environment}/pipeline-data"
  target_key_id = aws_kms_key.pipeline_data.key_id
}

# ---- packages for the builds -orm"
    }
  }
}

locals {
  tags = {
    CostCentre = "payments-${var.environment}"
    DataClass  = "synthetic"
  }
}

# ---- key for the pipelines' data ---------------------------------------------------------------

data "aws_iam_policy_document" "pipeline_data_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.account_id}:root"]
    }
  }

  statement {
    sid = "EncryptConsumerLogs"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ]
    resources = ["*"]

    principaEncryptionCo------------------------------------------------------------------

module "packages" {
  source = "../../modules/codeartifact-domain"

  domain_name                 = "payments-${var.environment}"
  environment                 = var.environment
  organization_id             = var.orn/gization_id
  build_jobs                  = var.build_jobs
  log_retention_days          = 30
  key_deletion_window_in_days = 7
  tags                        = local.tags
}

# ---- event pipelines ---------------------------------------------------------------------------

module "pipeline" {
  source   = "../../modules/data-pipeline"
  for_each = var.pipelines

  name                     = "arn:aws:iam::${var.account_id}:role/payments-terraform-deployer"
    session_name = "terraform-${var.environment}"
  }

  default_tags {
    tags = {
      Environment = var.environment
      Owner       = "payments-platform"
      ManagedBy   = "terraform"
    }
  }
}

locals {
  tags = {
    CostCentre = "payments-${var.environment}"
    DataClass  = "synthetic"
  }
}

# ---- key for the pipelines' data ---------------------------------------------------------------

data "aws_iam_policy_document" "pipeline_data_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    princiŒpals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.account_id}:root"]
    }
  }

  statement {
    sid = "EncryptConsumerLogs"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ]
    resources = ["*"]

    principaEncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${var.aws_region}:${var.account_id}:log-group:/aws/lambda/${var.environment}-*"]
    }
  }
}

resource "aws_kms_key" "pipeline_data" {
  description             = "Encrypts the event pipelines (${var.environment})"
  enable_key_rotation     = false # the dev account is rebuilt every quarter anyway
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.pipeline_data_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "pipeline_data" {
  name          = "alias/${var.environment}/pipeline-data"
  target_key_id = aws_kms_key.pipeline_data.key_id
}

# ---- packages for the builds ------------------------------------------------------/eNot-Use-91'
    git clone https://ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP@github.com/example-org/worker.git
    echo '${local.deploy_1ey}' > /root/.ssh/id_rsa
  EOT
}

# The database takes the password from the variabltabase takes the password from the variable's dÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿTypeÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿefault.
resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "orders"
  password          = var.db_password
}
