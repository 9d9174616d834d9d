"""Home (placeholder while the real page is written)."""

from selfdata.ui import page_context

ctx = page_context("home")
