"""One catalog of errors: every class in it, every code unique, docs/errors.md generated from it."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import whimbrel
from whimbrel import errors, errors_doc
from whimbrel.errors import CATALOG, WhimbrelError

REPO = Path(__file__).resolve().parent.parent


def _all_subclasses(cls: type) -> set[type]:
    out: set[type] = set()
    for sub in cls.__subclasses__():
        out |= {sub} | _all_subclasses(sub)
    return out


def test_codes_are_unique():
    codes = [cls.code for cls in CATALOG]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
    assert len(CATALOG) == len(set(CATALOG))


def test_every_error_class_of_whimbrel_is_in_the_catalog():
    for mod in pkgutil.walk_packages(whimbrel.__path__, "whimbrel."):
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)
    ours = {c for c in _all_subclasses(WhimbrelError) if c.__module__.startswith("whimbrel.")}
    missing = sorted(c.__qualname__ for c in ours - set(CATALOG))
    assert not missing, f"error classes outside the catalog: {missing}"
    assert {c.__module__ for c in ours} == {"whimbrel.errors"}, "error classes belong in whimbrel/errors.py"


@pytest.mark.parametrize("cls", CATALOG, ids=lambda c: c.__name__)
def test_each_class_says_what_it_means_and_what_to_do(cls):
    assert "code" in vars(cls), f"{cls.__name__} inherits its parent's code"
    assert cls.code[0] == "E" and len(cls.code) == 4 and cls.code[1:].isdigit()
    assert vars(cls).get("__doc__"), f"{cls.__name__} has no docstring (its meaning in docs/errors.md)"
    assert errors.meaning(cls) and cls.hint.strip()
    assert isinstance(cls.exit_code, int) and 1 <= cls.exit_code <= 125
    assert errors.by_code(cls.code) is cls


def test_a_family_shares_its_first_digit():
    for cls in CATALOG:
        parent = next((b for b in cls.__bases__ if b in CATALOG), None)
        if parent is not None and parent is not WhimbrelError:
            assert cls.code[1] == parent.code[1], (cls.__name__, parent.__name__)


def test_codebook_error_is_the_catalogs_and_still_a_value_error():
    from whimbrel import codebook

    assert codebook.CodebookError is errors.CodebookError
    with pytest.raises(ValueError) as info:
        codebook.event_type("NOT_A_TYPE")
    assert info.value.code == "E600" and "[E600]" in str(info.value)


def test_by_code_rejects_an_unknown_code():
    with pytest.raises(KeyError):
        errors.by_code("E999")


def test_docs_errors_md_is_current():
    assert (REPO / "docs" / "errors.md").read_text(encoding="utf-8") == errors_doc.render(), (
        "regenerate with: python -m whimbrel.errors_doc > docs/errors.md"
    )


def test_docs_errors_md_lists_every_code_with_its_class():
    text = errors_doc.render()
    for cls in CATALOG:
        assert f"| {cls.code} | `{cls.__name__}` |" in text


def test_the_tree_in_the_errors_docstring_is_the_catalogs():
    drawn = "\n".join(line[4:] for line in (errors.__doc__ or "").splitlines() if line.startswith("    "))
    assert drawn == errors_doc.tree(), "update the tree in whimbrel/errors.py's docstring from errors_doc.tree()"
