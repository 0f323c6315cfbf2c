"""figcheck: checks that the figures in Chinese official reports agree with each other."""

__version__ = "0.2.0"
