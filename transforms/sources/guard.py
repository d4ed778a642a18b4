"""SSRF guard: a URL that comes from a feed item or a redirect may point anywhere,
including the cloud metadata server (169.254.169.254) or a service on the worker's
own network. Before each request (and each redirect hop) the host is resolved and
every address it resolves to is checked; one forbidden address refuses the URL.

Limitation (DNS rebinding): the address is checked here and resolved again by the
HTTP client when it connects; a hostile DNS server answering differently within
those milliseconds could slip through. Pinning the checked address would need a
custom connection pool with SNI handling; the metadata server is additionally
reachable only from the worker itself, and Dataflow workers can be run without
access to it.
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

_METADATA_ADDRESSES = frozenset({ipaddress.ip_address("169.254.169.254"),
                                 ipaddress.ip_address("fd00:ec2::254")})
_SCHEMES = ("http", "https")


class AddressRefused(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def forbidden_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``address`` must not be contacted, or None when it is a public address."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if address in _METADATA_ADDRESSES:
        return "cloud metadata"
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None


def check_url(url: str, allow_private_addresses: bool = False) -> None:
    """Raises ``AddressRefused`` for a non-http(s) URL, or (unless allowed) a URL whose
    host resolves to a private, loopback, link-local, reserved or metadata address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise AddressRefused("unsupported_url", f"only http(s) URLs with a host are fetched, not {url!r}")
    if allow_private_addresses:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise AddressRefused("dns_failed", f"cannot resolve {parts.hostname!r}: {error}") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        why = forbidden_address(address)
        if why:
            raise AddressRefused("address_refused",
                                 f"{parts.hostname} resolves to {address} ({why}); pass "
                                 "--allow-private-addresses to fetch from private networks")
