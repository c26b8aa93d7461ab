"""Pictures and the offline explorer, drawn from the networkx view."""
