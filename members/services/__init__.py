"""Every write of the members app, one module per concern; import from the modules."""
