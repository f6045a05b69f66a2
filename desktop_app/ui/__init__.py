"""PySide6 windows. Database and printer calls run off the UI thread (see operations)."""
