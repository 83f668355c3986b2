"""Quantity extraction from English prose."""
