"""Sample budget disclosures for the demo, the tests and the evaluation (our own sentences, consistent numbers)."""
from eval.generate.render import render_pdf, render_text
from eval.generate.spec import Sample, Spec, build

__all__ = ["Spec", "Sample", "build", "render_text", "render_pdf"]
