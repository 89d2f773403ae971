"""One cluster (PostgreSQL, Redis, 2 action + 2 Rasa servers, HAProxy) for these tests, on
free loopback ports, in a directory the postgres user can reach."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.cluster import Cluster, ClusterPorts

CLUSTER_AS_OF = "2023-06-01"
CLUSTER_ASSIST_TOKEN = "cluster-assist-token"
CLUSTER_REPORT_TOKEN = "cluster-report-token"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/cluster/" in str(item.fspath):
            item.add_marker(pytest.mark.cluster)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    # pytest's own temporary folders are private to root; PostgreSQL runs as `postgres`
    directory = Path(tempfile.mkdtemp(prefix="tuoguan-cluster-"))
    os.chmod(directory, 0o755)
    env = {
        "TUOGUAN_AS_OF": CLUSTER_AS_OF,
        "ASSIST_TOKEN": CLUSTER_ASSIST_TOKEN,
        "REPORT_TOKEN": CLUSTER_REPORT_TOKEN,
    }
    try:
        with Cluster(directory, ClusterPorts.free(), env) as running:
            yield running
    finally:
        shutil.rmtree(directory, ignore_errors=True)
