"""Prompts live as versioned Markdown files beside this module; ``load(name)`` reads one, ``render`` fills it.

Each file starts with a header line ``<!-- prompt: NAME · version: N -->``. The version is part of the LLM cache
key, so editing a prompt without bumping its version would serve stale cached replies.
Placeholders are ``{{name}}`` (not ``str.format``: the prompts contain JSON braces).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROMPT_DIR = Path(__file__).resolve().parent
_HEADER = re.compile(r"^<!--\s*prompt:\s*(?P<name>[\w-]+)\s*·\s*version:\s*(?P<version>[\w.-]+)\s*-->\s*\n")
_SLOT = re.compile(r"\{\{(\w+)\}\}")
# The delimiters that fence document text; document text must never be able to close the fence itself.
OPEN, CLOSE = "<<<DOCUMENT", "DOCUMENT>>>"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    text: str

    def render(self, **values: object) -> str:
        missing = set(_SLOT.findall(self.text)) - values.keys()
        if missing:
            raise KeyError(f"prompt {self.name} needs {', '.join(sorted(missing))}")
        # One pass over the template: a value that itself contains "{{x}}" is never expanded again.
        return _SLOT.sub(lambda m: "" if values[m.group(1)] is None else str(values[m.group(1)]), self.text)


@lru_cache(maxsize=None)
def load(name: str) -> Prompt:
    path = PROMPT_DIR / f"{name}.md"
    if not re.fullmatch(r"[\w-]+", name) or not path.is_file():
        raise FileNotFoundError(f"no prompt named {name!r} in {PROMPT_DIR}")
    raw = path.read_text(encoding="utf-8")
    m = _HEADER.match(raw)
    if not m or m.group("name") != name:
        raise ValueError(f"{path.name}: first line must be '<!-- prompt: {name} · version: N -->'")
    return Prompt(name, m.group("version"), raw[m.end():].strip() + "\n")


def fence_safe(text: str) -> str:
    """Document text as data: drop anything that looks like our delimiters so it cannot end the fence early."""
    return re.sub(r"<<<\s*DOCUMENT|DOCUMENT\s*>>>", "[…]", text, flags=re.IGNORECASE)
