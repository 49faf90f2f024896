"""The CSV import of organisations and persons: read the file, check every row, plan, save.

``reading`` turns the uploaded bytes into rows (encoding, delimiter, limits), ``columns``
knows the documented columns and their values, ``checking`` checks every row and plans
what an import would create; ``members.services.imports`` saves the plan.
"""
