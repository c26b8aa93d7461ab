"""`kg serve`: the SPARQL 1.1 Protocol endpoint, linked-data pages and the dataset pages."""
