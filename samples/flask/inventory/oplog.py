"""Operations log: who flipped the maintenance switch, appended to a file on the host that the
on-call rotation tails. A named logger, so only what logs through it writes the file."""
import logging
from logging.handlers import RotatingFileHandler

oplog = logging.getLogger('inventory.ops')
_handler = RotatingFileHandler('logs/ops.log', maxBytes=1_000_000, backupCount=3)
_handler.setFormatter(logging.Formatter('%(asctime)s %(message)s'))
oplog.addHandler(_handler)
oplog.propagate = False
