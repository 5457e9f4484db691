// Tiny in-process route catalogue served at GET /api/docs.
// Entries are registered by the router modules when they are first required.
const routes = [];

function document(method, path, summary) {
  routes.push({ method, path, summary });
}

function listRoutes() {
  return routes.map((r) => ({ ...r }));
}

module.exports = { document, listRoutes };
