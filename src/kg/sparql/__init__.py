"""SPARQL on Oxigraph without rdflib: guard, catalogue, parameters, store, workers, remote."""
