"""Every HEALTHCRAWL_* setting is declared once (common/default_settings.py), with a default
and a one-line description; the code reads it without a fallback of its own, and
docs/settings.md shows exactly the declarations."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from scrapy.settings import Settings

from common.default_settings import (
    DEFAULTS,
    ENVIRONMENT,
    SETTINGS,
    markdown_table,
    project_defaults,
    table_in,
)

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("common", "crawler", "pipelines", "cleaners")
DECLARATIONS = ROOT / "common" / "default_settings.py"
NAME = re.compile(r"HEALTHCRAWL_[A-Z0-9_]+")
# settings.get(name, default), getint(...), getbool(...), ...: a second argument after a name
FALLBACK = re.compile(r"\.get\w*\(\s*\"HEALTHCRAWL_[A-Z0-9_]+\"\s*,")


def _files(*tops: str, suffix: str = ".py") -> list[Path]:
    return sorted(p for top in tops for p in (ROOT / top).rglob(f"*{suffix}")
                  if ".venv" not in p.parts)


def _names_in_text(paths: list[Path]) -> dict[str, Path]:
    """Every full name mentioned (a bare prefix such as `HEALTHCRAWL_TRAP_*` or an f-string
    part ending in `_` is not a name)."""
    found = {}
    for path in paths:
        for name in NAME.findall(path.read_text(encoding="utf-8")):
            if not name.endswith("_"):
                found.setdefault(name, path)
    return found


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_declarations_are_well_formed():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names)), "a setting is declared twice"
    for s in (*SETTINGS, *ENVIRONMENT):
        assert NAME.fullmatch(s.name), s.name
        assert s.description.strip() and "\n" not in s.description, s.name
        assert "|" not in s.description, f"{s.name}: '|' breaks the markdown table"


def test_every_name_in_code_tests_and_docs_is_declared():
    docs = [p for p in _files(".", suffix=".md") if "output" not in p.relative_to(ROOT).parts]
    paths = [*_files(*PRODUCT, "tests", "bench"), *docs]
    known = set(DEFAULTS) | {s.name for s in ENVIRONMENT}
    unknown = {name: str(path.relative_to(ROOT))
               for name, path in _names_in_text(paths).items() if name not in known}
    assert not unknown, f"used but not declared in common/default_settings.py: {unknown}"


def test_every_declared_name_is_read_by_the_code():
    used: set[str] = set()
    for path in _files(*PRODUCT):
        if path not in (DECLARATIONS, ROOT / "crawler" / "settings.py"):
            used |= _string_constants(path)
    unread = [s.name for s in (*SETTINGS, *ENVIRONMENT) if s.name not in used]
    assert not unread, f"declared but read nowhere: {unread}"


def test_readers_repeat_no_default():
    offenders = [f"{path.relative_to(ROOT)}: {m.group(0)}" for path in _files(*PRODUCT)
                 for m in FALLBACK.finditer(path.read_text(encoding="utf-8"))]
    assert not offenders, offenders


def test_project_settings_hold_every_default_and_declare_none_of_their_own():
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    assert {name: settings[name] for name in DEFAULTS} == DEFAULTS
    tree = ast.parse((ROOT / "crawler" / "settings.py").read_text(encoding="utf-8"))
    assigned = {t.id for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    assert not {n for n in assigned if n.startswith("HEALTHCRAWL_")}


def test_docs_table_equals_the_declarations():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert table_in(doc) == markdown_table()
    rows = [line for line in table_in(doc).splitlines() if line.startswith("| `")]
    assert len(rows) == len(SETTINGS) + len(ENVIRONMENT)
    assert "| `HEALTHCRAWL_MIN_BODY_CHARS` | `150` |" in table_in(doc)


def test_project_defaults_for_hand_built_settings():
    settings = Settings(project_defaults({"HEALTHCRAWL_FEED_SIZE": 7}))
    assert settings.getint("HEALTHCRAWL_FEED_SIZE") == 7
    assert settings.getint("HEALTHCRAWL_STORE_BATCH_SIZE") == 200
    assert settings.get("HEALTHCRAWL_OUTPUT_DIR") == "output"


def test_no_remote_code_server_and_its_module_is_not_loaded():
    # Scrapy 2.19's RemoteControl runs posted Python code; listed at all, its module (and
    # aiohttp) is imported while the settings are read (crawler/settings.py).
    from scrapy.utils.conf import build_component_list

    from crawler.run import build_settings

    settings = build_settings()
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    extensions = build_component_list(settings.getwithbase("EXTENSIONS"))
    assert not [e for e in extensions if "RemoteControl" in str(e)]
    assert "scrapy.extensions.corestats.CoreStats" in extensions  # the rest of Scrapy's list
    assert "crawler.run_context.RunContext" in extensions
