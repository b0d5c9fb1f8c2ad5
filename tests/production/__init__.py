"""Tests of the production set-up: media on S3, Redis cache and sessions, bulk import, task worker."""
