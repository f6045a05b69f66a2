"""Persistence: SQLAlchemy 2.0 models, engine factory, unit of work, migrations."""
