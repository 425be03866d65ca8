"""accord: service level agreements as executable, measured commitments."""

__version__ = "0.1.0"
__all__ = ["__version__"]
