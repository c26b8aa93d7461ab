"""Reading and writing RDF: user files parsed safely, the graph written in every RDF format."""
