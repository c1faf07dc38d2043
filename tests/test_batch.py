"""Batch checking: input order kept, a slow or crashing document reported as its own error, never fatal."""
import os
import time
from pathlib import Path

import pytest

import rules.engine
from rules.batch import check_paths, resolve_workers
from tests.budgetdoc import EXPENDITURE, TITLE

SHARE_WRONG = "2024年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占40.00%。"


def docs(tmp_path: Path, *names: str) -> list[Path]:
    out = []
    for name in names:
        f = tmp_path / name
        f.write_text("\n\n".join([TITLE, SHARE_WRONG, EXPENDITURE]), encoding="utf-8")
        out.append(f)
    return out


@pytest.fixture
def faulty_engine(monkeypatch):
    """Documents named slow* never finish; crash* kill their process. Forked workers inherit the patch."""
    real = rules.engine.check_path

    def check_path(path, pack=None):
        name = Path(path).name
        if name.startswith("slow"):
            time.sleep(60)
        if name.startswith("crash"):
            os._exit(3)
        if name.startswith("raise"):
            raise MemoryError("simulated")
        return real(path, pack)

    monkeypatch.setattr(rules.engine, "check_path", check_path)


def test_reports_come_back_in_input_order_with_bad_files_in_place(tmp_path):
    paths = docs(tmp_path, "b.txt", "a.txt", "c.txt")
    paths.insert(1, tmp_path / "missing.txt")
    reports = check_paths(paths, workers=2, doc_timeout=60)
    assert [r.source for r in reports] == [str(p) for p in paths]
    assert reports[1].error and "no such file" in reports[1].error
    assert all(any(f.rule == "percentage.share" for f in r.findings) for r in reports if r is not reports[1])


def test_a_slow_document_times_out_and_the_others_finish(tmp_path, faulty_engine):
    paths = docs(tmp_path, "a.txt", "slow.txt", "b.txt", "c.txt")
    started = time.monotonic()
    reports = check_paths(paths, workers=2, doc_timeout=1.5)
    assert time.monotonic() - started < 20
    assert reports[1].error == f"{paths[1]}: timed out after 1.5 s"
    assert [bool(r.findings) for r in reports] == [True, False, True, True]


def test_a_crashing_worker_is_reported_for_its_document_only(tmp_path, faulty_engine):
    paths = docs(tmp_path, "a.txt", "b.txt", "crash.txt", "c.txt", "d.txt")
    reports = check_paths(paths, workers=2, doc_timeout=60)
    assert "process died" in reports[2].error
    assert [r.error is None for r in reports] == [True, True, False, True, True]
    assert all(r.findings for i, r in enumerate(reports) if i != 2)


def test_one_document_runs_inline_with_its_time_limit(tmp_path, faulty_engine):
    [slow] = docs(tmp_path, "slow.txt")
    started = time.monotonic()
    [report] = check_paths([slow], doc_timeout=0.5)
    assert time.monotonic() - started < 5
    assert report.error == f"{slow}: timed out after 0.5 s"


def test_an_exception_outside_the_rules_is_that_documents_error(tmp_path, faulty_engine):
    paths = docs(tmp_path, "raise.txt", "ok.txt")
    reports = check_paths(paths, workers=1, doc_timeout=60)
    assert reports[0].error == f"{paths[0]}: check failed: MemoryError: simulated"
    assert reports[1].findings and reports[1].error is None


def test_worker_count_comes_from_the_flag_then_settings_then_cores():
    assert resolve_workers(3, 8, 10) == 3
    assert resolve_workers(0, 2, 10) == 2
    assert resolve_workers(0, 0, 10) == min(os.cpu_count() or 1, 10)
    assert resolve_workers(16, 0, 2) == 2
