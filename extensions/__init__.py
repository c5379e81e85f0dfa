"""Python-Markdown extensions of the site (named in mkdocs.yml as ``extensions.<module>``).

They are Markdown extensions rather than MkDocs hooks, so that another MkDocs-compatible builder runs them
too. MkDocs imports them by module name: run it from the project root as ``python -m mkdocs``.
"""
