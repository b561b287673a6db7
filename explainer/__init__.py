"""A checkable, data-driven explainer of one article: schema, loader, queries and figures."""
