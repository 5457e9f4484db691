const db = require('./db');

async function uploadAvatar(req, res, next) {
  try {
    await db.query('UPDATE users SET avatar_path = $1 WHERE id = $2', [req.file.path, req.params.id]);
    //                                                                  ^^^^^^^^ local-fs/js-uploaded-file-used
    res.status(201).json({ count: req.files?.length });
    //                            ^^^^^^^^^ local-fs/js-uploaded-file-used
  } catch (err) {
    next(err);
  }
}

function other(req, res, file) {
  // ok: not the multer upload (a parameter, a response field, a profile attribute)
  res.json({ name: file.name, profile: req.user.file, headers: res.file });
}

module.exports = { uploadAvatar, other };
