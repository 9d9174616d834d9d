"""The domain: cards, the workshop aggregate and file format, errors, credentials, limits, palette
and the pure voting/rating rules. Imports nothing of the app.
"""
