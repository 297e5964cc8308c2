"""Open data: datasets without personal data, as CSV, JSON and iCal at stable addresses, their
JSON Schemas, a DCAT catalogue, and the public page describing them."""
