"""Foundations of every layer: settings, paths, errors, namespaces, files, text positions."""
