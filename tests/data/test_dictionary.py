"""The data dictionary documents every field of every record model, so it cannot drift from the schema."""

import re

import pytest

from explainer.schema import KINDS
from tests.conftest import DATA


def documented_fields(kind: str) -> set[str]:
    """Field names in the table under '## <kind>.yaml' in data/README.md."""
    text = (DATA / "README.md").read_text(encoding="utf-8")
    section = text.split(f"## {kind}.yaml", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for row in re.findall(r"^\| ([a-z_, ]+) \|", section, flags=re.MULTILINE):
        names.update(name.strip() for name in row.split(","))
    return names


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_documented(kind: str) -> None:
    missing = set(KINDS[kind].model_fields) - documented_fields(kind)
    assert not missing, f"data/README.md does not document {kind}.yaml fields: {sorted(missing)}"
