"""Counters in the shared cache that refuse a request once something happened too often in a window.

A window starts with its first attempt and lasts `window` seconds; a refusal can say when it ends.
Identities (an e-mail address, an IP) are hashed into the key: the cache never holds them in clear.
"""

import hashlib
import math
import time

from django.core.cache import cache


def take_slot(scope, identity, limit, window=60 * 60):
    """Count one more attempt by `identity` in `scope`; returns the seconds to wait, 0 when within `limit`."""
    now = time.time()
    key = f"ratelimit:{scope}:{hashlib.sha256(str(identity).encode()).hexdigest()[:32]}"
    cache.add(f"{key}:ends", now + window, timeout=window)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    if count <= limit:
        return 0
    ends = cache.get(f"{key}:ends") or now + window
    return max(1, math.ceil(ends - now))
