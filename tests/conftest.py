"""Shared fixtures: the real corpus beside the repo (skipped cleanly when absent), and in-process fakes of the
chat model and of the sentence encoder for unit tests (the real llama.cpp server and the real encoder keep tests
of their own)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.llm_server import llm_server  # noqa: F401  - the real local LLM, one per session (skips without llama_cpp)

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("DOCQA_LLM", "none")  # tests that want an LLM configure one explicitly

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DOCQA_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def run_rule():
    """`run_rule(doc, "percentage.share", digits=50)`: the findings of one rule (or of one kind) on a document,
    with some of the rule's options changed."""
    from rules.engine import run_rule

    return run_rule


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def seed_paths(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def pdf_paths(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "pdf").glob("*.pdf"))


class FakeEncoder:
    """A sentence encoder in the shape DocQA uses (encode, dimension): character trigram hashing, deterministic,
    instant, so that ingest and search run without building the real model. Texts sharing words share vectors."""

    dim = 64

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    def encode(self, texts, batch_size: int = 64, show_progress_bar: bool = False, convert_to_numpy: bool = True,
               normalize_embeddings: bool = True):
        import zlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for j in range(max(len(text) - 2, 1)):
                out[i, zlib.crc32(text[j:j + 3].encode("utf-8")) % self.dim] += 1.0
        if normalize_embeddings:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
        return out


@pytest.fixture
def fake_encoder(monkeypatch) -> FakeEncoder:
    """Every encoder DocQA loads (ingest and questions) is a FakeEncoder, recorded as embedder 'fake'."""
    import index.embed
    import index.ingest

    encoder = FakeEncoder()
    monkeypatch.setattr(index.embed, "load_encoder", lambda index=None: encoder)
    monkeypatch.setattr(index.embed, "load_query_encoder", lambda index=None: encoder)
    monkeypatch.setattr(index.ingest, "load_encoder", lambda index=None: encoder)
    monkeypatch.setattr(index.ingest, "model_version", lambda index=None: "fake-trigram-64")
    return encoder


@pytest.fixture
def fake_chat():
    """Make an in-process chat model that replies with the given texts in turn (langchain's own fake)."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    return lambda *replies: FakeListChatModel(responses=list(replies))


CITY_DOC = """深圳市{unit}
2026年部门预算

一、部门职责
负责全市{unit}相关工作。

二、项目支出情况
{project}

三、“三公”经费预算情况说明
2026年公务用车运行维护费{car}万元，主要用于车辆加油、维修和保险。截至2025年10月，共有车辆{vehicles}辆。

一般公共预算支出表（按经济分类）
单位：万元
科目编码\t科目名称\t支出总计
\t合计\t{total}
30102\t津贴补贴\t{allowance}
30231\t公务用车运行维护费\t{car}
"""
# A 三公 table printed per unit: each 预算单位 over its lines of years (the department, its own office, two units).
SANGONG_BY_UNIT = """深圳市示例局2026年部门预算

一、部门预算说明
本部门包括本级和两家下属单位。

财政拨款“三公”经费支出表
单位：万元
预算单位\t年度\t合计\t公务接待费
深圳市示例局\t2025 年\t70.00\t10.00
\t2026 年\t84.00\t12.00
\t增减变化金额\t14.00\t2.00
深圳市示例局（本级）\t2025 年\t40.00\t6.00
\t2026 年\t50.00\t8.00
\t增减变化金额\t10.00\t2.00
深圳市示例监测站\t2025 年\t20.00\t4.00
\t2026 年\t26.00\t4.00
\t增减变化金额\t6.00\t0.00
深圳市示例执法支队\t2025 年\t10.00\t0.00
\t2026 年\t8.00\t0.00
\t增减变化金额\t-2.00\t0.00
"""
CITY_UNITS = ["口岸办公室", "气象局", "统计局", "审计局", "司法局", "民政局", "水务局", "财政局", "商务局", "科技创新局", "信访局"]


def store_of(root: Path, name: str, text: str):
    """A store of one document written as text (`name`, its file name) under `root`, and its retriever."""
    from index.ingest import ingest_paths
    from qa.retrieve import Retriever

    (root / name).write_text(text, encoding="utf-8")
    assert not ingest_paths([root / name], root / "store").errors
    return Retriever(root / "store")


def department_store(root: Path, text: str):
    """A store of one department's document written as text, beside another unit's budget in the template above
    (a question must name the department among two), and its retriever."""
    from index.ingest import ingest_paths
    from qa.retrieve import Retriever

    (root / "department.txt").write_text(text, encoding="utf-8")
    (root / "culture.txt").write_text(CITY_DOC.format(unit="文化局", project="文物保护项目700.00万元，用于修缮古建筑。",
                                                      car="10.00", vehicles=3, total="2000.00", allowance="500.00"),
                                      encoding="utf-8")
    assert not ingest_paths([root / "department.txt", root / "culture.txt"], root / "store").errors
    return Retriever(root / "store")


def city_of(root: Path, projects: list[tuple[str, str]], vehicles: int = 3):
    """A small store of one city's budgets in the template above, one per (unit, project paragraph)."""
    from index.ingest import ingest_paths
    from qa.retrieve import Retriever

    paths = []
    for i, (unit, project) in enumerate(projects):
        path = root / f"unit-{i:02d}.txt"
        path.write_text(CITY_DOC.format(unit=unit, project=project, car="10.00", vehicles=vehicles, total="2000.00",
                                        allowance="500.00"), encoding="utf-8")
        paths.append(path)
    assert not ingest_paths(paths, root / "store").errors
    return Retriever(root / "store")


@pytest.fixture(scope="session")
def look_alike_city(tmp_path_factory):
    """Eleven budgets of one city alike but for their items: one names the posting at 西九龙站 and its allowance,
    in a list of items whose other entries share its rare words with other amounts."""
    from index.ingest import ingest_paths
    from qa.retrieve import Retriever
    from qa.specific import MIN_DOCUMENTS

    root = tmp_path_factory.mktemp("offterm")
    paths = []
    for i, unit in enumerate(CITY_UNITS):
        project = ("口岸运行项目2,520.00万元，用于西九龙站口岸区物业管理；西九龙站派驻人员工作补助9.42万元，"
                   "用于发放派驻人员的驻港补贴；应急联勤指挥中心运行工作140.00万元，用于西九龙站指挥中心运转。" if i == 0
                   else f"业务运行保障项目{100 + i}.00万元，比上年增加{i}.50万元，用于日常业务。")
        path = root / f"unit-{i:02d}.txt"
        path.write_text(CITY_DOC.format(unit=unit, project=project, car=f"{10 + i}.00", allowance=f"{500 + i}.00",
                                        total=f"{2000 + i}.00", vehicles=3 + i), encoding="utf-8")
        paths.append(path)
    assert len(paths) >= MIN_DOCUMENTS
    report = ingest_paths(paths, root / "store")
    assert not report.errors
    return Retriever(root / "store")
