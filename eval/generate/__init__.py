"""Sample budget disclosures for the demo, the tests and the evaluation (our own sentences, consistent numbers)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eval.generate.render import render_pdf, render_text
from eval.generate.spec import Sample, Spec, build


@dataclass
class Generated:
    """A built sample with its text form; the PDF form is written on demand."""
    sample: Sample
    text: str

    @property
    def qa(self) -> list[dict]:
        return self.sample.qa

    def write_pdf(self, path: Path) -> Path:
        return render_pdf(self.sample, Path(path))


def generate(spec: dict | Spec) -> Generated:
    """A sample from a spec given as a Spec or as the mapping used by eval/sets/synthetic.yaml."""
    if not isinstance(spec, Spec):
        fields = {k: spec[k] for k in ("entity", "year", "kind", "unit", "seed") if k in spec}
        spec = Spec(**fields)
    sample = build(spec)
    return Generated(sample, render_text(sample))


__all__ = ["Spec", "Sample", "Generated", "build", "generate", "render_text", "render_pdf"]
