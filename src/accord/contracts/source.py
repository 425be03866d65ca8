"""YAML read strictly, with the line and column of every key and value.

PyYAML's default resolver reads `1:30` as 90, `no` as False and dates as dates; a
contract is read with a smaller resolver (null, true/false, decimal numbers) so that
times and words stay as written, and duplicate keys are refused rather than overwritten.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml.cyaml

from accord.files import FileRefused, read_bytes
from accord.problems import Problem, line_column

PathKey = tuple[str | int, ...]


class ContractSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class _StrictResolver(yaml.resolver.BaseResolver):
    pass


_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _StrictResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _StrictResolver.__init__(self)


_FAST = yaml.__with_libyaml__  # PyYAML built with libyaml (its wheels are)
CParser: Any = yaml.cyaml.CParser if _FAST else yaml.parser.Parser  # type: ignore[attr-defined]


class _FastLoader(CParser, _StrictResolver):  # type: ignore[misc]
    """libyaml's parser, some fifty times faster, with the same resolver; a file it
    refuses is read again by `_Loader` for PyYAML's own words about what is wrong."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _StrictResolver.__init__(self)


@dataclass
class Document:
    """Plain data from a YAML file plus where each key path stands in it."""

    file: str
    data: Any
    marks: dict[PathKey, tuple[int, int]]  # path -> (line, column) of the value
    key_marks: dict[PathKey, tuple[int, int]]  # path -> (line, column) of the key

    def resolve(self, path: PathKey) -> PathKey:
        """The part of `path` that names places in the file.

        Validation paths may hold steps that are not in the data (the tag of a union
        member, say); those are skipped. Mapping keys are matched as text.
        """
        found: PathKey = ()
        for step in path:
            for candidate in (step, str(step)):
                if (*found, candidate) in self.marks:
                    found = (*found, candidate)
                    break
        return found

    def locate(self, path: PathKey, at_key: bool = False) -> tuple[int, int]:
        found = self.resolve(path)
        if at_key and found in self.key_marks:
            return self.key_marks[found]
        return self.marks.get(found, (1, 1))

    def problem(self, path: PathKey, message: str, code: str = "error",
                at_key: bool = False) -> Problem:  # fmt: skip
        line, column = self.locate(path, at_key)
        dotted = ".".join(str(p) for p in self.resolve(path)) or ".".join(map(str, path))
        return Problem(self.file, line, column, dotted, message, code)


def read_document(path: Path, shown_as: str | None = None) -> Document:
    """Read a YAML file into a Document; raise ContractSyntaxError on unreadable input."""
    name = shown_as or str(path)
    if path.is_dir():
        message = "is a directory; give the contract files in it"
        raise ContractSyntaxError(Problem(name, 1, 1, "", message))
    try:
        text = read_bytes(path).decode("utf-8")
    except FileRefused as error:
        raise ContractSyntaxError(Problem(name, 1, 1, "", str(error))) from None
    except UnicodeDecodeError as error:
        raise ContractSyntaxError(_not_text(name, error)) from None
    return parse_document(text, name)


def _not_text(name: str, error: UnicodeDecodeError) -> Problem:
    # latin-1 keeps one character per byte, so the column counts bytes
    line, column = line_column(error.object[: error.start].decode("latin-1"), error.start)
    byte = error.object[error.start]
    message = f"not UTF-8 text (byte {byte:#04x}); a contract is a YAML text file"
    return Problem(name, line, column, "", message)


def parse_document(text: str, name: str) -> Document:
    if _FAST:
        fast = _FastLoader(text)
        try:
            node = fast.get_single_node()
        except (yaml.YAMLError, RecursionError):
            node = None  # said again, in PyYAML's words, below
        else:
            return _document(node, name)
        finally:
            fast.dispose()
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        raise ContractSyntaxError(_unprintable(name, text, error)) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"not valid YAML: {error.problem or error.context}"
        raise ContractSyntaxError(Problem(name, line, column, "", message)) from None
    except yaml.YAMLError as error:
        raise ContractSyntaxError(Problem(name, 1, 1, "", f"not valid YAML: {error}")) from None
    except RecursionError:
        message = "not valid YAML for a contract: nested too deeply"
        raise ContractSyntaxError(Problem(name, 1, 1, "", message)) from None
    finally:
        loader.dispose()
    return _document(node, name)


def _document(node: yaml.Node | None, name: str) -> Document:
    document = Document(name, None, {}, {})
    if node is None:
        raise ContractSyntaxError(Problem(name, 1, 1, "", "the file is empty"))
    try:
        document.data = _build(node, (), document, set())
    except RecursionError:
        message = "not valid YAML for a contract: nested too deeply"
        raise ContractSyntaxError(Problem(name, 1, 1, "", message)) from None
    return document


def _unprintable(name: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    line, column = line_column(text, error.position)
    character = error.character if isinstance(error.character, int) else ord(error.character)
    message = f"not valid YAML: character {character:#06x} is not allowed in a YAML file"
    return Problem(name, line, column, "", message)


# A contract holds a few hundred values; aliases (`*name`) can make a small file expand
# into billions of them, so the expansion stops here.
_MAX_VALUES = 1_000_000  # 10,000 objectives of a dozen values each fit well below


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: PathKey, doc: Document, inside: set[int]) -> Any:
    """Plain data for `node`; `inside` holds the collections being built around it."""
    doc.marks[path] = _mark(node)
    if len(doc.marks) > _MAX_VALUES:
        message = f"the file expands to more than {_MAX_VALUES} values (through aliases?)"
        raise ContractSyntaxError(doc.problem(path, message))
    if id(node) in inside:
        raise ContractSyntaxError(doc.problem(path, "an alias refers to a value that holds it"))
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        inside.add(id(node))
        try:
            return _collection(node, path, doc, inside)
        finally:
            inside.discard(id(node))
    return _scalar(node, path, doc)


def _collection(node: yaml.Node, path: PathKey, doc: Document, inside: set[int]) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        seen: set[str] = set()  # the keys as text: `1` and `"1"` are one key
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContractSyntaxError(doc.problem(path, "a key must be plain text"))
            key = _scalar(key_node, path, doc)
            if isinstance(key, int | str) and str(key) in seen:
                line, column = _mark(key_node)
                dotted = ".".join(str(p) for p in (*path, key))
                raise ContractSyntaxError(
                    Problem(doc.file, line, column, dotted, "this key is given twice")
                )
            seen.add(str(key))
            doc.key_marks[(*path, str(key))] = _mark(key_node)
            result[key] = _build(value_node, (*path, str(key)), doc, inside)
        return result
    return [_build(item, (*path, i), doc, inside) for i, item in enumerate(node.value)]


# Digits a contract's number may have: more is a typo, and past 4300 Python refuses to
# read an integer at all.
MAX_DIGITS = 30


def _scalar(node: yaml.Node, path: PathKey, doc: Document) -> Any:
    value = node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:bool":
        if value.lower() not in ("true", "false"):  # an explicit '!!bool' on other text
            message = f"true or false is expected, got {shorten(value)!r}"
            raise ContractSyntaxError(_at_node(node, path, doc, message))
        return value.lower() == "true"
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return _number(node, path, doc)
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag in ("tag:yaml.org,2002:str", "!"):
        return value
    raise ContractSyntaxError(doc.problem(path, f"unsupported YAML tag {tag!r}"))


def _number(node: yaml.Node, path: PathKey, doc: Document) -> int | float:
    """A number as the resolver matched it: decimal digits, finite, of a readable length."""
    text = node.value
    digits = sum(c.isdigit() for c in text.partition("e")[0].partition("E")[0])
    if digits > MAX_DIGITS:
        message = f"a number of at most {MAX_DIGITS} digits is expected, got {digits} digits"
        raise ContractSyntaxError(_at_node(node, path, doc, message))
    kind = "a whole number" if node.tag == "tag:yaml.org,2002:int" else "a number"
    if not is_decimal(text) or (
        node.tag == "tag:yaml.org,2002:int" and not text.strip("+-").isdigit()
    ):  # an explicit '!!int' or '!!float' on other text
        message = f"{kind} in decimal digits is expected, got {shorten(text)!r}"
        raise ContractSyntaxError(_at_node(node, path, doc, message))
    number = int(text) if node.tag == "tag:yaml.org,2002:int" else float(text)
    if not math.isfinite(number):
        message = f"a finite number is expected, got {shorten(text)!r}"
        raise ContractSyntaxError(_at_node(node, path, doc, message))
    return number


def _at_node(node: yaml.Node, path: PathKey, doc: Document, message: str) -> Problem:
    line, column = _mark(node)
    return Problem(doc.file, line, column, ".".join(str(p) for p in path), message)


# A number given as text ('"5"', '1e5') is read as that number; anything else Python's
# float() would take ('1_000', 'nan', 'inf', other scripts' digits) is not a number here.
_DECIMAL = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$")


def is_decimal(text: str) -> bool:
    """Whether `text` is a number in decimal digits of a readable length (see MAX_DIGITS)."""
    text = text.strip()
    return len(text) <= MAX_DIGITS and _DECIMAL.match(text) is not None


def shorten(text: str, most: int = 60) -> str:
    """`text`, cut in its middle when longer than `most` characters, for messages."""
    if len(text) <= most:
        return text
    keep = most // 2 - 2
    return f"{text[:keep]}...{text[-keep:]} ({len(text)} characters)"
