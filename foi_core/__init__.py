"""FOI Public Interest Test Assistant: the engine (no UI code lives here)."""

__version__ = "0.1.0"
