"""Settings packages: ``local`` (make run), ``test`` (make test), ``production``."""
