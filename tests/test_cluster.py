"""`check` and `ingest` on a real Dask LocalCluster (2 worker processes): the same results as the single-process
run, a worker killed mid-run loses nothing, a corrupt PDF is that document's error, re-runs skip what is done,
and without --cluster nothing of Dask is imported."""
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from docqa.cluster.connect import ClusterError, parse_address, send_bytes
from docqa.cluster.deadline import Timeout, deadline
from tests.budgetdoc import EXPENDITURE, TITLE

REPO = Path(__file__).resolve().parent.parent
SHARE_WRONG = "2024年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占40.00%。"


def dump(report) -> dict:
    d = report.model_dump()
    d.pop("seconds")
    return d


def text_docs(folder: Path, n: int, tables: int = 1) -> list[Path]:
    out = []
    for i in range(n):
        f = folder / f"unit{i:02d}.txt"
        body = SHARE_WRONG.replace("100.00", f"{100 + i}.00")  # different content: different digests
        f.write_text("\n\n".join([TITLE] + [body, EXPENDITURE] * tables), encoding="utf-8")
        out.append(f)
    return out


# -- no cluster needed ---------------------------------------------------------------------------------------

def test_addresses():
    assert parse_address("local") == ("local", None)
    assert parse_address("local:3") == ("local", 3)
    assert parse_address("local[2]") == ("local", 2)
    assert parse_address("tcp://10.0.0.5:8786") == ("remote", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "http//x", "", "tcp://"):
        with pytest.raises(ClusterError):
            parse_address(bad)
    assert send_bytes("auto", "tcp://h:8786") and not send_bytes("auto", "local:2")
    assert send_bytes("bytes", "local") and not send_bytes("path", "tcp://h:8786")


def test_deadline_interrupts_python_code_in_any_thread():
    result = {}

    def work():
        start = time.monotonic()
        try:
            with deadline(0.3):
                while True:
                    try:
                        sum(range(1000))
                    except Exception:  # a rule wrapper must not swallow the limit
                        pass
        except Timeout:
            result["after"] = time.monotonic() - start
        with deadline(5):
            result["fast"] = sum(range(10))  # a block that ends in time is not interrupted, later either
        time.sleep(0.7)
        result["alive"] = True

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert 0.25 < result["after"] < 2 and result["fast"] == 45 and result["alive"]


def test_without_cluster_nothing_of_dask_is_imported(tmp_path):
    [doc] = text_docs(tmp_path, 1)
    script = f"""
import sys
from docqa.cli import app
for args in (["check", {str(doc)!r}, "--json"], ["ingest", {str(doc)!r}, "--store", {str(tmp_path / 'store')!r}, "--json"]):
    try:
        app(args, standalone_mode=False)
    except SystemExit:
        pass
print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed")))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DOCQA_LLM": "none"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=600)
    assert "LOADED []" in out.stdout, out.stdout[-2000:] + out.stderr[-2000:]
    assert (tmp_path / "store" / "manifest.json").exists()  # both commands really ran


# -- on a LocalCluster ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    pytest.importorskip("distributed")
    from docqa.cluster.connect import connect

    with connect("local:2") as c:
        c.wait_for_workers(2, timeout=60)
        yield c


def kill_a_busy_worker(client, seconds: float = 10.0) -> bool:
    """SIGKILL the process of a worker that holds a task (running or queued on it); False when none did within
    `seconds` (the work was already done: a later callback tries again)."""
    pids = client.run(os.getpid)
    deadline_ = time.monotonic() + seconds
    while time.monotonic() < deadline_:
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            return True
        time.sleep(0.02)
    return False


@contextlib.contextmanager
def a_worker_killed_while_busy(client, seconds: float = 60.0):
    """A thread watching the cluster from the start kills a worker as soon as one holds a task; yields [True] once it
    did. (A callback per finished document came too late on a fast machine: every task was done before it ran.)"""
    killed: list[bool] = []
    killer = threading.Thread(target=lambda: killed.append(kill_a_busy_worker(client, seconds)))
    killer.start()
    try:
        yield killed
    finally:
        killer.join()


def test_same_findings_as_the_local_run_on_corpus_documents(client, corpus_dir, tmp_path):
    from docqa.cluster.check import check_on_cluster
    from rules.batch import check_paths

    real = corpus_dir / "real"
    picks = [real / "chongqing-07.pdf"] if (real / "chongqing-07.pdf").exists() else []  # the shortest, 22 pages
    paths = picks + sorted((corpus_dir / "pdf").glob("*.pdf"))[:2] + sorted((corpus_dir / "seeds").glob("*.txt"))[:2]
    if len(paths) < 3:
        pytest.skip("too few corpus documents")
    local = check_paths(paths, workers=1)
    by_bytes = check_on_cluster(paths, "local", client=client, send="bytes")  # the no-shared-filesystem path
    assert [dump(r) for r in by_bytes] == [dump(r) for r in local]
    assert sum(len(r.findings) for r in local) > 0 and not any(r.error for r in local)


def test_a_corrupt_pdf_is_reported_and_the_rest_finish(client, tmp_path):
    from docqa.cluster.check import check_on_cluster
    from rules.batch import check_paths

    paths = text_docs(tmp_path, 3)
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + os.urandom(3000))
    paths.insert(1, corrupt)
    paths.append(tmp_path / "missing.pdf")
    reports = check_on_cluster(paths, "local", client=client, send="bytes")
    assert [r.source for r in reports] == [str(p) for p in paths]
    assert reports[1].error and reports[1].error.startswith(str(corrupt)) and "docqa-task" not in reports[1].error
    assert reports[-1].error == f"{paths[-1]}: no such file"
    assert all(r.findings and not r.error for i, r in enumerate(reports) if i not in (1, len(paths) - 1))
    assert [dump(r) for r in reports] == [dump(r) for r in check_paths(paths, workers=1)]


def test_a_worker_killed_mid_run_loses_nothing(client, tmp_path):
    from docqa.cluster.check import check_on_cluster
    from rules.batch import check_paths

    paths = text_docs(tmp_path, 8, tables=25)  # a few tenths of a second each: the kill finds a worker busy
    with a_worker_killed_while_busy(client) as killed:
        reports = check_on_cluster(paths, "local", client=client, window=8)
    assert killed == [True] and not any(r.error for r in reports)
    assert [dump(r) for r in reports] == [dump(r) for r in check_paths(paths, workers=1)]
    client.wait_for_workers(2, timeout=60)  # the nanny started a new worker


def test_documents_over_their_time_limit_are_reported_and_the_workers_go_on(client, tmp_path):
    from docqa.cluster.check import check_on_cluster
    from rules.batch import check_paths

    paths = text_docs(tmp_path, 3)
    for i, p in enumerate(paths):  # seconds of rules each (300 tables), so a 0.05 s limit always passes first;
        # each its own content, so that no document's result can stand for another's
        p.write_text("\n\n".join([TITLE, f"第{i + 1}号文件。"] + [SHARE_WRONG, EXPENDITURE] * 300), encoding="utf-8")
    late = check_on_cluster(paths, "local", client=client, doc_timeout=0.05)
    assert [r.error for r in late] == [f"{p}: timed out after 0.05 s" for p in paths]
    paths = text_docs(tmp_path, 3)
    reports = check_on_cluster(paths, "local", client=client, doc_timeout=60)
    assert [dump(r) for r in reports] == [dump(r) for r in check_paths(paths, workers=1)]


def test_results_stream_to_json_lines_and_a_rerun_skips_what_is_done(client, tmp_path):
    from docqa.cluster.check import check_on_cluster

    paths = text_docs(tmp_path, 3)
    out = tmp_path / "results.jsonl"
    seen = []
    first = check_on_cluster(paths, "local", client=client, out=out, on_done=lambda r: seen.append(r.source))
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["source"] for x in lines) == sorted(map(str, paths)) == sorted(seen)
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"source": "cut off by a kil')  # a client killed mid-line
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    copy = tmp_path / "renamed.txt"  # same bytes as a done document under another name: reused
    copy.write_bytes(paths[0].read_bytes())
    again = check_on_cluster(paths + [copy], "local", client=client, out=out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.endswith("}")]
    assert [x["source"] for x in lines[3:]] == [str(paths[1])]  # only the changed document ran again
    assert dump(again[0]) == dump(first[0]) and again[3].source == str(copy)
    assert dump(again[2]) == dump(first[2])


def test_ingest_on_the_cluster_commits_what_the_local_ingest_commits(client, tmp_path):
    import numpy as np

    from docqa.cluster.ingest import ingest_on_cluster
    from index.ingest import ingest_paths
    from index.store import Store

    paths = text_docs(tmp_path, 6, tables=25)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"garbage")
    local = ingest_paths(paths + [bad], tmp_path / "local")
    with a_worker_killed_while_busy(client) as killed:
        report = ingest_on_cluster(paths + [bad], tmp_path / "dist", None, "local", client=client, window=6, group=2)
    assert killed == [True] and report.errors == local.errors and len(report.added) == 6
    a, b = Store(tmp_path / "local"), Store(tmp_path / "dist")
    assert a.manifest() == b.manifest()
    assert a.chunks() == b.chunks()
    ids = sorted(a.chunks())
    va, vb = (dict(zip(r["ids"], r["embeddings"])) for r in
              (s.collection().get(ids=ids, include=["embeddings"]) for s in (a, b)))
    assert sorted(va) == sorted(vb) == ids
    assert np.allclose(np.array([va[i] for i in ids]), np.array([vb[i] for i in ids]), atol=1e-6)
    again = ingest_on_cluster(paths, tmp_path / "dist", None, "local", client=client)
    assert len(again.unchanged) == 6 and not again.added
