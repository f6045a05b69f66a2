"""Plain-Python rules of KhetDesk: no Qt, no database sessions, no I/O."""
