"""The client's address for the per-address rate limit, through trusted proxies only.

A request from an address in `HELPBOT_TRUSTED_PROXIES` (nginx) carries the client's address in
X-Forwarded-For; nginx appends the address it saw to whatever the client sent. Reading the list from
the right and skipping trusted proxies gives the first address no proxy of ours vouches for: the
client. A request from any other address is that address, whatever its headers say.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    """The trusted proxies as networks (single addresses or CIDR ranges)."""
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in trusted if item.strip())


def is_trusted(address: str, trusted: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(peer: str, forwarded_for: str | None, trusted_proxies: tuple[str, ...]) -> str:
    """The client's address: `peer`, or from X-Forwarded-For when `peer` is a trusted proxy."""
    trusted = networks(trusted_proxies)
    if not forwarded_for or not is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer
