"""The appointment slip as an A4 PDF (for an e-mail or LINE message, or a paper copy): the
same facts as the thermal slip, shaped Thai, and a QR code of the booking code."""

from __future__ import annotations

from printing.pdf.base import Letterhead, QRFlowable, build_pdf, para, styles
from printing.slip_render import SlipContent


def appointment_slip_pdf(content: SlipContent) -> bytes:
    st = styles(16)
    story = [
        para(f"บริการ {content.service_name}", st["heading"]),
        para(f"วันและเวลานัด {content.when}", st["body_bold"]),
        para(f"รหัสนัดหมาย {content.code}", st["title"]),
        QRFlowable(content.code, 120),
        para(content.advice, st["body"]),
    ]
    head = Letterhead(title="ใบนัดหมาย", agency=content.office_name)
    return build_pdf(story, head, title=f"ใบนัดหมาย {content.code}")
