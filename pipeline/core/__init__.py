"""The shared vocabulary every room speaks: articles and sentences, stable IDs, table schemas.

Imports nothing else of the package.
"""
