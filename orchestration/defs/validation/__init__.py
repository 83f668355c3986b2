"""Validation: data-quality rules (great-expectations) as asset checks and marts.fct_quality_issue."""
