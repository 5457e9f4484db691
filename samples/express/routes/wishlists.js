const express = require('express');
const wishlists = require('../services/wishlists');

// Mounted under /api/users/:id/wishlist.
const router = express.Router({ mergeParams: true });

router.get('/', async (req, res, next) => {
  try {
    res.json(await wishlists.forUser(req.params.id));
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    res.status(201).json(await wishlists.add(req.params.id, req.body.productId));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
