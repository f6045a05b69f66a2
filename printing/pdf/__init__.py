"""A4 PDF documents in Thai (reportlab, Sarabun embedded, HarfBuzz shaping): the base in
:mod:`printing.pdf.base`, one module per document. Takes plain dataclasses; knows no
database."""
