"""Printed output: thermal tickets (ESC/POS) and PDF documents. Takes plain dataclasses and
knows no database."""
