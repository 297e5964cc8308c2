"""Views: admin pages, feeds and public endpoints, one module per concern."""
