"""KhetDesk: counter software for a Bangkok district office."""

__version__ = "0.1.0"
