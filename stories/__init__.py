"""Stories, curated collections and trade events: the creative community's and trade office's pages."""
