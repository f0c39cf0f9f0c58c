"""The client's address: X-Forwarded-For believed from the trusted proxies only."""

from __future__ import annotations

from base.client_address import client_address

NGINX = ("127.0.0.1",)


def test_without_a_trusted_proxy_the_header_is_ignored() -> None:
    assert client_address("203.0.113.9", "10.0.0.1", ()) == "203.0.113.9"
    assert client_address("203.0.113.9", "10.0.0.1", NGINX) == "203.0.113.9"  # not from the proxy


def test_through_the_proxy_the_address_it_saw_counts() -> None:
    assert client_address("127.0.0.1", "198.51.100.7", NGINX) == "198.51.100.7"


def test_a_forged_header_does_not_choose_the_address() -> None:
    # the client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw
    assert client_address("127.0.0.1", "1.2.3.4, 198.51.100.7", NGINX) == "198.51.100.7"


def test_chained_proxies_and_ranges() -> None:
    trusted = ("127.0.0.1", "10.0.0.0/8")
    assert client_address("127.0.0.1", "198.51.100.7, 10.1.2.3", trusted) == "198.51.100.7"
    assert client_address("10.9.9.9", "2001:db8::1", trusted) == "2001:db8::1"


def test_no_header_or_only_proxies() -> None:
    assert client_address("127.0.0.1", None, NGINX) == "127.0.0.1"
    assert client_address("127.0.0.1", "127.0.0.1", NGINX) == "127.0.0.1"
