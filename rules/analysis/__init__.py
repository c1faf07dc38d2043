"""Shared readings of a document for the rules: one `Analysis` per document, plus formatting and tolerance helpers.

Rule modules import from here (and from rules.registry, rules.findings, rules.semantics, rules.claims, index.*),
never from one another: what two rules both need is read here, once.
"""
from rules.analysis.common import (ROW_TABLES, YEAR, cell_ev, first_value, grand_total, in_yuan, n, other_year, pct,
                                   rate_tolerance, said)
from rules.analysis.context import Analysis
from rules.analysis.projects import project_name, same_project

__all__ = ["Analysis", "ROW_TABLES", "YEAR", "cell_ev", "first_value", "grand_total", "in_yuan", "n", "other_year",
           "pct", "project_name", "rate_tolerance", "said", "same_project"]
