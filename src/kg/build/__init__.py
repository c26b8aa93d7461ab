"""Sources → graph: read the article and records, ground facts in the text, write the graph."""
