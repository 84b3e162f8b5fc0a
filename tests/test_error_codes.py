"""Error codes keep one meaning each: every code the package uses is registered once, for the modules using it."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipeline.core.errors import CODES, WARNING_CODES, severity

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
REGISTER = PACKAGE / "core" / "errors.py"
#: a code in a message ("[E016] ..."), an argument (code="E016"), a docstring ("(E075-E078)") or a dict value
CODE = re.compile(r"(?<!\w)E\d{3}(?!\d)")
#: flake8's "do not assign a lambda" code shares the shape; only in ``# noqa`` comments
NOT_OURS = re.compile(r"#\s*noqa:\s*E\d{3}")


def codes_used(root: Path = PACKAGE) -> dict[str, set[str]]:
    """code -> the modules (relative to ``pipeline/``) whose text names it, outside the register itself."""
    used: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        if path == REGISTER:
            continue
        text = NOT_OURS.sub("", path.read_text(encoding="utf-8"))
        for code in CODE.findall(text):
            used.setdefault(code, set()).add(path.relative_to(root).as_posix())
    return used


def register_keys(path: Path = REGISTER) -> list[str]:
    """The keys of ``CODES`` as written, repeats included (a dict literal keeps only the last of a repeat)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "CODES":
            return [key.value for key in node.value.keys]
    raise AssertionError("pipeline/core/errors.py defines no CODES")


USED = codes_used()


def test_no_code_is_registered_twice():
    keys = register_keys()
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"registered twice in pipeline/core/errors.py: {repeated}; give one of them a free number"


@pytest.mark.parametrize("code", sorted(USED))
def test_every_code_used_is_registered_for_its_modules(code):
    assert code in CODES, f"{code} (used in {sorted(USED[code])}) is not in pipeline/core/errors.py: register it"
    strangers = USED[code] - set(CODES[code][1])
    assert not strangers, (f"{code} means {CODES[code][0]!r} ({', '.join(CODES[code][1])}) but {sorted(strangers)} "
                           "use it too: pick a free code for the new meaning, or register the module")


def test_every_registered_code_is_used_where_registered():
    for code, (meaning, modules) in CODES.items():
        assert re.fullmatch(r"E\d{3}", code) and meaning, code
        missing = set(modules) - USED.get(code, set())
        assert not missing, f"{code} is registered for {sorted(missing)}, which never use it"


def test_the_check_catches_a_code_shared_by_two_meanings(tmp_path):
    # the case the register exists for: two changes pick the same new number in different modules
    (tmp_path / "a.py").write_text('raise ValueError("[E777] one thing")\n')
    (tmp_path / "b.py").write_text('raise ValueError("[E777] another thing")  # noqa: E731\n')
    assert codes_used(tmp_path) == {"E777": {"a.py", "b.py"}}
    (tmp_path / "errors.py").write_text('CODES: dict = {"E777": ("x", ("a.py",)), "E777": ("y", ("b.py",))}\n')
    assert register_keys(tmp_path / "errors.py") == ["E777", "E777"]


def test_warnings_are_registered_codes_and_everything_else_is_an_error():
    assert WARNING_CODES <= set(CODES)
    assert [severity(code) for code in ("E410", "E022", "E014", "E999")] == ["warning", "warning", "error", "error"]
