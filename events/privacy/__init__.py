"""The lifecycle of personal data: retention, erasure on request, subject-access exports, and
the record of who was shown passport numbers and dates of birth (docs/decisions.md)."""
