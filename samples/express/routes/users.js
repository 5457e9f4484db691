const path = require('path');
const express = require('express');
const multer = require('multer');

const auth = require('../middleware/auth');
const controller = require('../controllers/usersController');
const { document } = require('../lib/apiDocs');

const storage = multer.diskStorage({
  destination: 'uploads/',
  filename: (req, file, cb) => {
    cb(null, `${req.params.id}-${Date.now()}${path.extname(file.originalname)}`);
  },
});
const upload = multer({ storage, limits: { fileSize: 5 * 1024 * 1024 } });

const router = express.Router();

document('GET', '/api/users', 'List users');
document('GET', '/api/users/:id', 'Fetch a single user');
document('POST', '/api/users', 'Create a user and send the welcome mail');

router.get('/', auth, controller.list);
router.get('/:id', auth, controller.show);
router.post('/', auth, controller.create);
router.put('/:id', auth, async (req, res, next) => {
  try {
    const user = await controller.applyUpdate(req.params.id, req.body);
    if (!user) return res.status(404).json({ error: 'user not found' });
    return res.json(user);
  } catch (err) {
    return next(err);
  }
});
router.post('/:id/avatar', auth, upload.single('avatar'), controller.uploadAvatar);
router.use('/:id/wishlist', auth, require('./wishlists'));

module.exports = router;
