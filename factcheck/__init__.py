"""factcheck: check the arithmetic of financial articles against their figures."""

__version__ = "0.1.0"
