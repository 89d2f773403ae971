"""Ports for test servers: free, outside the kernel's ephemeral range, never handed out twice.

A Rasa server binds its port only after loading its model; a port from the ephemeral range
can be taken in that minute by any outgoing connection (HAProxy's health checks, a database
client), and the server then exits. CI once failed that way.
"""

from __future__ import annotations

import socket

from scripts.services import _ephemeral_range, free_port


def test_a_hundred_ports_are_all_different() -> None:
    ports = [free_port() for _ in range(100)]
    assert len(set(ports)) == 100


def test_no_port_is_one_the_kernel_may_give_an_outgoing_connection() -> None:
    low, high = _ephemeral_range()
    assert all(not low <= free_port() <= high for _ in range(50))


def test_the_port_given_can_be_bound() -> None:
    port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", port))
