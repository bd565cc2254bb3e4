"""The JSON REST API (DRF): the same services, selectors and rules as the pages."""
