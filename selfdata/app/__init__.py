"""The application layer: use cases by actor, reads, the viewer and outcomes. ``services`` is the
facade pages, CLI and tests call.
"""
