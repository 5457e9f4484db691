"""PDF invoices rendered with wkhtmltopdf."""
import subprocess

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(order):
    html = render_to_string('shop/invoice.html', {'order': order, 'lines': order.lines.all()})
    result = subprocess.run(
        [settings.WKHTMLTOPDF_BIN, '--quiet', '-', '-'],
        input=html.encode('utf-8'),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout
