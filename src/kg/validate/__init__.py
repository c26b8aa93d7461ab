"""Validation: SHACL (pyshacl, and the fast engine on Oxigraph), text checks, the report."""
