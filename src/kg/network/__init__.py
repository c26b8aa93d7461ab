"""The graph as networkx sees it: the one conversion, analytics, and the graph file formats."""
