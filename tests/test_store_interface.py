"""Every store implementation offers every operation of the interface
(pipelines/store/base.py), with the same parameters; the rest of healthcrawl calls only
those. A second implementation (a server database) joins IMPLEMENTATIONS."""
from __future__ import annotations

import inspect

import pytest

from pipelines.store import SQLiteStore, Store

IMPLEMENTATIONS = [SQLiteStore]
OPERATIONS = sorted(name for name, value in vars(Store).items()
                    if not name.startswith("_") and callable(value))


def test_interface_names_the_operations() -> None:
    for name in ("upsert", "iter_records", "write_ledger", "outcomes", "latest_run",
                 "page_memo", "validators", "persist_settlement", "changes"):
        assert name in OPERATIONS


@pytest.mark.parametrize("impl", IMPLEMENTATIONS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", OPERATIONS)
def test_implementation_has_operation(impl: type, name: str) -> None:
    method = getattr(impl, name, None)
    assert callable(method), f"{impl.__name__} lacks {name}"
    want = list(inspect.signature(getattr(Store, name)).parameters)
    assert list(inspect.signature(method).parameters) == want
