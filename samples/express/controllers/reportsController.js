const db = require('../services/db');
const exporter = require('../services/exporter');
const pdfRenderer = require('../lib/pdfRenderer');

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

async function renderPdf(req, res, next) {
  try {
    const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
    if (rows.length === 0) return res.status(404).json({ error: 'order not found' });
    const order = rows[0];
    const html = `<h1>Invoice #${order.id}</h1><p>Total: ${(order.total_cents / 100).toFixed(2)} EUR</p>`;
    const pdf = await pdfRenderer.renderHtmlToPdf(html);
    res.type('application/pdf');
    return res.send(pdf);
  } catch (err) {
    return next(err);
  }
}

function exportCsv(req, res) {
  const { from, to } = req.body;
  if (!DATE_RE.test(from) || !DATE_RE.test(to)) {
    return res.status(400).json({ error: 'from/to must be YYYY-MM-DD' });
  }
  const csv = exporter.exportOrdersCsv(from, to);
  res.attachment(`orders-${from}-${to}.csv`);
  return res.send(csv);
}

module.exports = { renderPdf, exportCsv };
