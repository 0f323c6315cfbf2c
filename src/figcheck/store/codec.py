"""One input's result as JSON and back, for the results store: figcheck's own result types only, by name.

Not pickle: a store is a file people pass around (an auditor's archive of a province's reports), and opening one
must not run code. A record names its type and its fields; a field the record lacks takes its default, so a store
written before a field was added still reads. Numbers stay exact: a Decimal as its string (1.20 stays 1.20), a
Fraction as p/q. A Document's line starts are kept too: for a text whose lines were rewrapped they are the
source file's, not the text's.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from decimal import Decimal
from fractions import Fraction
from typing import Any

from figcheck.document import Cell, Directive, Document, Segment, Table
from figcheck.figures import Figure
from figcheck.findings import Elsewhere, Finding, Involved
from figcheck.results import FileResult
from figcheck.years.carried import Carried
from figcheck.years.facts import YearFacts, YearStatement, YearValue
from figcheck.years.identity import Identity

_TYPES = {
    kind.__name__: kind
    for kind in (FileResult, Document, Segment, Table, Cell, Directive, Figure, Finding, Involved, Elsewhere)
    + (YearFacts, YearValue, YearStatement, Identity, Carried)
}


class CodecError(Exception):
    """A stored result that is not one figcheck wrote."""


def dumps(result: FileResult) -> bytes:
    """The result as compressed JSON (a corpus report's result is about a third of its text's size)."""
    return zlib.compress(json.dumps(encode(result), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def loads(data: bytes) -> FileResult:
    try:
        result = decode(json.loads(zlib.decompress(data)))
    except (zlib.error, ValueError, TypeError, KeyError) as exc:
        raise CodecError(f"无法解读存储的结果（{type(exc).__name__}: {exc}）") from None
    if not isinstance(result, FileResult):
        raise CodecError("存储的结果不是一个文件的结果")
    return result


def encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, Fraction):
        return {"f": f"{value.numerator}/{value.denominator}"}
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if isinstance(value, list):  # Document._line_starts: where a rewrapped text's source lines start
        return {"l": [encode(item) for item in value]}
    kind = type(value)
    if _TYPES.get(kind.__name__) is kind:
        record = {"t": kind.__name__}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if not _is_default(item, field):
                record[field.name] = encode(item)
        return record
    raise TypeError(f"cannot store a {kind.__name__}")


def decode(data: Any) -> Any:
    if isinstance(data, list):
        return tuple(decode(item) for item in data)
    if not isinstance(data, dict):
        return data
    if "t" in data:
        kind = _TYPES[data["t"]]
        return kind(**{name: decode(item) for name, item in data.items() if name != "t"})
    if "d" in data:
        return Decimal(data["d"])
    if "l" in data:
        return [decode(item) for item in data["l"]]
    return Fraction(data["f"])


def _is_default(value: Any, field: dataclasses.Field) -> bool:
    """Left out when it is the default itself: same type and value (a Decimal only when it is the very object, as
    1.0 == 1 but is written differently)."""
    default = field.default
    if default is dataclasses.MISSING:
        return field.default_factory is list and value == []
    if isinstance(default, Decimal):
        return value is default
    return type(value) is type(default) and value == default
