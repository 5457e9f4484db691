const express = require('express');

const app = express();

// ok: module level, settings fixed while the app is built
app.locals.title = 'Shop';
app.locals.recent = [];
app.set('view engine', 'pug');

app.get('/visit', (req, res) => {
  req.app.locals.visits += 1;
//^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-app-locals
  app.locals.recent.push(req.ip);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-app-locals
  res.app.locals.byUser[req.user.id] = Date.now();
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-app-locals
  // ok: reads
  res.json({ title: req.app.locals.title, n: app.locals.recent.length });
});

app.post('/import', (req, res) => {
  req.app.set('lastImport', Date.now());
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-app-locals
  delete app.locals.pending[req.body.id];
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-app-locals
  // ok: a value of this request only
  res.locals.user = req.user;
  // ok: a getter, and a route registration
  const proxy = app.get('trust proxy');
  res.json({ proxy });
});

app.get('/report', (req, res) => {
  // ok: a client created once per instance, then only read
  if (!req.app.locals.reportClient) req.app.locals.reportClient = createReportClient();
  res.json(req.app.locals.reportClient.latest());
});

function remember(cache, key, value) {
  // ok: another object's set (a Map parameter)
  cache.set(key, value);
}

module.exports = { app, remember };
