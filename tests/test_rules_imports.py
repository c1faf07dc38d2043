"""Rule modules import only the registry, findings and the shared analysis (plus the document model and the
semantics/claims readers): never one another. What two rules both need lives in rules/analysis/."""
import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECKS = REPO / "rules" / "checks"
ALLOWED = ("rules.registry", "rules.findings", "rules.analysis", "rules.semantics", "rules.claims", "index")
PROJECT = ("rules", "index", "qa", "eval", "docqa", "core")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            out += [node.module] + [f"{node.module}.{a.name}" for a in node.names if node.module == "rules.checks"]
    return out


def _allowed(name: str) -> bool:
    if name.split(".")[0] not in PROJECT:
        return True  # standard library and third-party packages
    return any(name == a or name.startswith(a + ".") for a in ALLOWED)


def test_rule_modules_import_only_registry_findings_and_analysis():
    modules = sorted(p for p in CHECKS.glob("*.py") if p.name != "__init__.py")
    assert len(modules) >= 10
    bad = {p.name: [m for m in _imports(p) if not _allowed(m)] for p in modules}
    assert not {k: v for k, v in bad.items() if v}, bad


def test_the_analysis_never_imports_a_rule_module():
    for p in (REPO / "rules" / "analysis").glob("*.py"):
        assert not [m for m in _imports(p) if m.startswith(("rules.checks", "rules.engine", "rules.registry"))], p


def test_no_rules_module_is_over_450_lines():
    long = {str(p.relative_to(REPO)): n for p in (REPO / "rules").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not long, long


def test_the_check_walk_can_fail():
    assert not _allowed("rules.checks.narrative") and not _allowed("rules.engine") and _allowed("re")
