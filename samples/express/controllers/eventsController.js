const orderRepo = require('../services/orderRepository');

// Server-sent events: pushes the user's pending order count every 15s.
exports.stream = (req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.write('retry: 5000\n\n');

  const timer = setInterval(async () => {
    try {
      const pending = await orderRepo.countPending(req.user.sub);
      res.write(`event: pending\ndata: ${JSON.stringify({ pending })}\n\n`);
    } catch (err) {
      res.write(`event: error\ndata: ${JSON.stringify({ message: err.message })}\n\n`);
    }
  }, 15000);

  req.on('close', () => clearInterval(timer));
};
