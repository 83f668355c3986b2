"""Dagster code location."""
