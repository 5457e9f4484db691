"""Very small visit counter used by the admin dashboard."""
from collections import defaultdict

VISITS = defaultdict(int)


def track_visit(ip):
    VISITS[ip] += 1


def top_visitors(n=10):
    return sorted(VISITS.items(), key=lambda kv: kv[1], reverse=True)[:n]
