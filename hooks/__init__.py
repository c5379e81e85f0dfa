"""Build hooks (see mkdocs.yml). MkDocs loads each file by its path; the package lets tests import them."""
