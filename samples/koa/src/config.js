const convict = require('convict');

// Deployment settings: each default can be replaced by its environment variable.
const config = convict({
  env: { doc: 'Environment', format: ['production', 'development'], default: 'development', env: 'NODE_ENV' },
  feeds: {
    path: { doc: 'Where the feeds are served', format: String, default: '/feeds', env: 'FEEDS_PATH' },
    outDir: { doc: 'Rendered feeds', format: String, default: '/var/cache/catalog/feeds', env: 'FEEDS_DIR' },
  },
});

config.validate({ allowed: 'strict' });

module.exports = config;
