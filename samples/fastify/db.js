const mongoose = require('mongoose');

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/warehouse', {
  maxPoolSize: 10,
  serverSelectionTimeoutMS: 5000,
});

const Item = mongoose.model(
  'Item',
  new mongoose.Schema({
    sku: { type: String, unique: true, index: true },
    name: String,
    onHand: { type: Number, default: 0 },
    reorderLevel: { type: Number, default: 10 },
  }),
);

const User = mongoose.model(
  'User',
  new mongoose.Schema({ email: { type: String, unique: true }, passwordHash: String, role: String }),
);

module.exports = { Item, User };
