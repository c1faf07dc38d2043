"""The static model's tokenizer: greedy longest match over its vocabulary, inside runs of Chinese text too.

A HuggingFace WordPiece model, with two choices that matter:
- no continuation prefix (``##``): a piece inside a run of text is looked up as itself. Version 2 of the model
  registered every entry twice (``w`` and ``##w``) under one id; the saved file keeps one token per id, picked at
  random by the serialiser, so a reloaded tokenizer lost about half of its entries and read most Chinese text as
  ``[UNK]`` (and each build differed from the last);
- a character the vocabulary lacks is cut out as a word of its own before WordPiece sees the run: WordPiece turns a
  whole word into ``[UNK]`` when any position fails to match, and a run of Chinese text between two punctuation
  marks is one word.
"""
from __future__ import annotations

import json

from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers

UNK = "[UNK]"


def _char_class(chars: set[str]) -> str:
    """A regex class of the characters, as code-point ranges (compact and stable)."""
    points = sorted(ord(c) for c in chars)
    ranges: list[tuple[int, int]] = []
    for p in points:
        if ranges and p == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], p)
        else:
            ranges.append((p, p))

    def esc(p: int) -> str:
        return f"\\x{{{p:x}}}"

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)


def build_tokenizer(vocab: list[str]) -> Tokenizer:
    """Token i + 1 is vocab[i]; id 0 is [UNK]. Text is NFKC-normalised and lower-cased, split at whitespace,
    punctuation, each digit and each character outside the vocabulary, then matched longest-first."""
    entries = {UNK: 0}
    for i, w in enumerate(vocab, start=1):
        entries.setdefault(w, i)
    known = {c for w in vocab for c in w if not c.isspace()}
    tokenizer = Tokenizer(models.WordPiece(vocab=entries, unk_token=UNK, max_input_chars_per_word=100000,
                                           continuing_subword_prefix=""))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation(), pre_tokenizers.Digits(True),
        pre_tokenizers.Split(Regex(f"[^{_char_class(known)}]"), behavior="isolated")])
    return tokenizer


def vocabulary_of(tokenizer: Tokenizer) -> dict[str, int]:
    """The saved vocabulary (what a reloaded tokenizer really knows), for checks."""
    return json.loads(tokenizer.to_str())["model"]["vocab"]
