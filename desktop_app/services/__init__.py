"""Use cases: one function per user action. Each takes a UnitOfWork, the acting user and
plain arguments, and returns frozen dataclasses (never live ORM objects)."""
