const fs = require('fs');

// Feature flags are persisted by the admin settings endpoint and loaded once at boot.
function loadFeatures() {
  const defaults = { guestCheckout: true, pdfInvoices: true, maintenanceBanner: '' };
  if (!fs.existsSync('./data/settings.json')) return defaults;
  return { ...defaults, ...JSON.parse(fs.readFileSync('./data/settings.json', 'utf8')) };
}

module.exports = {
  version: process.env.APP_VERSION || 'dev',
  databaseUrl: process.env.DATABASE_URL || 'postgres://shop:shop@localhost:5432/shop',
  legacyDb: {
    host: process.env.LEGACY_DB_HOST || 'localhost',
    user: process.env.LEGACY_DB_USER || 'archive',
    password: process.env.LEGACY_DB_PASSWORD,
    database: 'orders_archive',
  },
  jwtSecret: process.env.JWT_SECRET || 'dev-only-secret',
  sessionSecret: process.env.SESSION_SECRET || 'dev-only-session-secret',
  smtp: {
    host: process.env.SMTP_HOST || 'localhost',
    port: Number(process.env.SMTP_PORT) || 1025,
  },
  mailFrom: 'Shop <no-reply@shop.example>',
  paymentsUrl: process.env.PAYMENTS_URL || 'https://payments.internal.example',
  features: loadFeatures(),
};
