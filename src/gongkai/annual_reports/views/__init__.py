"""Staff and public pages of annual reports, one module per area."""
