"""The address a request comes from: the socket peer, or what a trusted proxy says the peer was.

Every decision keyed on a visitor's address (rate limits, login lockouts, abuse pseudonyms) reads it
here. Behind nginx the socket peer is nginx itself, so without TRUSTED_PROXIES every buyer would be
127.0.0.1; with it, `X-Forwarded-For` is believed only as far as the proxies listed there wrote it.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The client's IP address as a string ("" when the server gave none)."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not _is_trusted(_address(peer), networks):
        # Anyone may send an X-Forwarded-For header; only a proxy we run may be believed.
        return peer
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    # Each proxy appends the address it saw, so the right-most hop that is not one of ours is the
    # client; everything to its left was written by the client and may be invented.
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break
        if not _is_trusted(address, networks):
            return str(address)
        peer = str(address)
    return peer
