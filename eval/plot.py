"""Bar charts of an evaluation: the four systems side by side, and rule precision/recall per kind."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, never a window
import matplotlib.pyplot as plt  # noqa: E402

METRICS = [("retrieval", "recall@1"), ("retrieval", "recall@5"), ("retrieval", "mrr"), ("answer", "accuracy"),
           ("citation", "page_accuracy")]


def plot(result: dict, out: Path) -> Path:
    """`result` is the `docqa eval --json` contract; writes one PNG with two panels."""
    systems = result["systems"]
    names = list(systems)
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [3, 2]})
    width = 0.8 / max(1, len(names))
    for n, name in enumerate(names):
        values = [systems[name][group][key] for group, key in METRICS]
        xs = [i + n * width for i in range(len(METRICS))]
        left.bar(xs, values, width, label=name)
    left.set_xticks([i + width * (len(names) - 1) / 2 for i in range(len(METRICS))])
    left.set_xticklabels([key for _, key in METRICS])
    left.set_ylim(0, 1.05)
    left.set_title("QA: DocQA vs baselines")
    # Legends sit under the axes: inside, they covered the bars they explain.
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(names), fontsize="small", frameon=False)

    rules = next((s["rules"] for s in systems.values() if s.get("rules")), None)
    if rules and rules["per_kind"]:
        kinds = list(rules["per_kind"])
        ys = range(len(kinds))
        real = (rules.get("real_documents") or {}).get("per_kind") or {}
        bars = [("recall", rules["per_kind"], "recall"), ("precision", rules["per_kind"], "precision")]
        if real:
            bars.append(("recall, real documents", real, "recall"))
        h = 0.8 / len(bars)
        for b, (label, source, key) in enumerate(bars):
            offset = 0.4 - h / 2 - b * h
            right.barh([y + offset for y in ys], [source.get(k, {}).get(key, 0.0) for k in kinds], h, label=label)
        right.set_yticks(list(ys))
        right.set_yticklabels(kinds)
        right.set_xlim(0, 1.05)
        right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, fontsize="small", frameon=False)
    right.set_title("Rules per kind")
    fig.tight_layout()
    out = Path(out)
    fig.savefig(out, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return out
