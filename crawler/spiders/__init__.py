"""Spiders: navigation only (which URLs to follow, which are articles)."""
