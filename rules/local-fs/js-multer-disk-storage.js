const path = require('path');
const multer = require('multer');
const multerS3 = require('multer-s3');

const storage = multer.diskStorage({
//              ^^^^^^^^^^^^^^^^^^ local-fs/js-multer-disk-storage
  destination: 'uploads/',
  filename: (req, file, cb) => cb(null, `${Date.now()}${path.extname(file.originalname)}`),
});
const upload = multer({ storage, limits: { fileSize: 5 * 1024 * 1024 } });

const quick = multer({ dest: 'tmp-uploads/' });
//            ^^^^^^ local-fs/js-multer-disk-storage

// ok: memory storage, the buffer goes to object storage
const inMemory = multer({ storage: multer.memoryStorage() });

// ok: multer-s3 writes straight to the bucket
const toS3 = multer({ storage: multerS3({ s3, bucket: 'uploads' }) });

// ok: a different library's dest option
const other = copy({ dest: 'out/' });

module.exports = { upload, quick, inMemory, toS3, other };
