const path = require('path');

app.get('/files/:name', (req, res) => {
  res.sendFile(path.join(UPLOAD_DIR, req.params.name));
//^^^^^^^^^^^^ local-fs/js-serve-uploads
});

fastify.get('/tasks/:filename/image', async (request, reply) => {
  return reply.sendFile(request.params.filename, path.join(fastify.config.UPLOAD_DIRNAME, 'tasks'));
  //     ^^^^^^^^^^^^^^ local-fs/js-serve-uploads
});

app.get('/export/:id', (req, res) => {
  res.download(`uploads/exports/${req.params.id}.csv`);
//^^^^^^^^^^^^ local-fs/js-serve-uploads
});

app.get('/', (req, res) => {
  // ok: the single-page app shipped with the code
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
});

app.get('/report', (req, res) => {
  // ok: an upload service's own method, not a file send
  uploads.sendFile(req.query.id);
  res.end();
});
