const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { appendFile } = require('node:fs/promises');
const storage = require('./storage');

// ok: module level, read once at import time
const settings = JSON.parse(fs.readFileSync('./data/settings.json', 'utf8'));
fs.mkdirSync('./logs', { recursive: true });

function saveSettings(req, res) {
  fs.writeFileSync('./data/settings.json', JSON.stringify(req.body, null, 2));
//^^^^^^^^^^^^^^^^ local-fs/js-file-write
  res.json(settings);
}

async function exportCsv(rows) {
  await fs.promises.writeFile(`exports/${Date.now()}.csv`, rows.join('\n'));
  //    ^^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-write
  await fsp.mkdir('exports/archive', { recursive: true });
  //    ^^^^^^^^^ local-fs/js-file-write
  await appendFile('exports/audit.log', 'exported\n');
  //    ^^^^^^^^^^ local-fs/js-file-write
  const out = fs.createWriteStream('exports/big.csv');
  //          ^^^^^^^^^^^^^^^^^^^^ local-fs/js-file-write
  return out;
}

async function deleteUpload(name) {
  // deleting a file another request saved is local state too
  fs.unlink(path.join(__dirname, '../public/upload', name), () => {});
//^^^^^^^^^ local-fs/js-file-write
  await fs.promises.rm(`uploads/${name}.thumb.png`);
  //    ^^^^^^^^^^^^^^ local-fs/js-file-write
}

async function cleanScratch(scratch) {
  // ok: removing a scratch file under the temp directory
  await fs.promises.unlink(path.join(os.tmpdir(), scratch));
  fs.rmSync('/tmp/render.html');
}

function render(vars) {
  // ok: reads a template shipped with the code
  const html = fs.readFileSync(path.join(__dirname, 'templates/welcome.html'), 'utf8');
  // ok: scratch file in the temp directory
  fs.writeFileSync(path.join(os.tmpdir(), 'render.html'), html);
  fs.writeFileSync('/tmp/render.html', html);
  // ok: the app's own storage module, not fs
  storage.writeFile('render.html', html);
  return html.replace('{{name}}', vars.name);
}
