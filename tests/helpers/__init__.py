"""Shared test helpers (stubs, builders) used by several test modules."""
