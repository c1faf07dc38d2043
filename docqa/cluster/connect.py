"""`--cluster ADDRESS`: `tcp://host:8786` (a running scheduler), `local` or `local:N` (a LocalCluster of N
single-threaded worker processes on this machine; N defaults to --workers, then settings, then one per core)."""
from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from typing import Callable, Iterator

from core.errors import ClusterError

_LOCAL = re.compile(r"^local(?:\[(\d+)\]|:(\d+))?$")




def parse_address(address: str) -> tuple[str, int | None]:
    """('local', N or None) or ('remote', address)."""
    text = address.strip()
    m = _LOCAL.match(text)
    if m:
        n = int(m.group(1) or m.group(2) or 0)
        if m.group(1) or m.group(2):
            if n < 1:
                raise ClusterError(f"--cluster {address}: a local cluster needs at least one worker")
        return "local", n or None
    if re.match(r"^(tcp|tls|ucx|inproc|ws|wss)://[^\s/]+$", text) or re.match(r"^[\w.\-]+:\d+$", text):
        return "remote", text
    raise ClusterError(f"--cluster {address}: expected tcp://host:port, local or local:N")


def is_local(address: str) -> bool:
    return parse_address(address)[0] == "local"


@contextmanager
def connect(address: str, workers: int = 0) -> Iterator:
    """A distributed Client for the address; a local cluster is started here and stopped on exit."""
    kind, arg = parse_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'docqa[cluster]'") from None
    if kind == "local":
        n = arg or workers or os.cpu_count() or 1
        # One thread per worker: parsing and rules hold the GIL, so processes are the unit of parallelism.
        # silence_logs: a killed worker or a restarted nanny is reported per document, not as log noise.
        try:
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR)
        except Exception as exc:
            raise ClusterError(f"--cluster {address}: cannot start a local cluster ({exc})") from None
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(arg, timeout=15)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"--cluster {address}: cannot reach the Dask scheduler ({exc})") from None
    try:
        yield client
    finally:
        client.close()


def send_bytes(send: str, address: str) -> bool:
    """Whether documents travel as bytes: `auto` sends them to a remote scheduler's workers (no shared
    filesystem assumed) and lets a local cluster read the paths."""
    mode = (send or "auto").lower()
    if mode not in ("auto", "path", "bytes"):
        raise ClusterError(f"cluster send mode '{send}': expected auto, path or bytes")
    return mode == "bytes" or (mode == "auto" and not is_local(address))


def on_cluster(address: str, workers: int, client, run: Callable) -> None:
    """`run(client)` on the client the caller holds, else on one connected here for the address (and closed)."""
    if client is not None:
        run(client)
        return
    with connect(address, workers) as c:
        run(c)
