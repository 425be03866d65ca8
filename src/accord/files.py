"""Reading the files a user names, and the files those files name.

Only regular files are read (or standard input, given as `-`): a named pipe would block
for ever and a device such as /dev/zero never ends, so both are refused before reading.
A document's references (an evidence document's sample files, a contract's iCalendar
files) stay inside the document's folder: no absolute path, no `..`, no symbolic link
leading out, unless the reader is told to allow it. Once files are uploaded to a
service, a reference to `../../etc/passwd` must not read it, nor echo it in an error.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path, PurePath

__all__ = ["STDIN", "FileRefused", "ReferenceRefused", "check_regular", "read_bytes", "referenced"]

STDIN = "-"  # the name that reads standard input


class FileRefused(OSError):
    """A file that is not read; the message says why, without its content."""


class ReferenceRefused(ValueError):
    """A reference that leads out of its document's folder."""


def read_bytes(path: Path | str) -> bytes:
    """The bytes of the regular file `path` (of standard input for `-`)."""
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; checked below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise FileRefused("no such file") from None
    except IsADirectoryError:
        raise FileRefused("is a folder, not a file") from None
    except OSError as error:
        raise FileRefused(f"cannot read: {error.strerror or error}") from None
    except ValueError:  # a NUL in the name
        raise FileRefused("a file name holds a NUL character") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise FileRefused("is a folder, not a file")
        raise FileRefused(
            "is not a regular file (a pipe or a device); give a file, or - for standard input"
        )
    with os.fdopen(fd, "rb") as file:
        try:
            return file.read()
        except OSError as error:
            raise FileRefused(f"cannot read: {error.strerror or error}") from None


def check_regular(path: Path | str) -> None:
    """Raise FileRefused unless `path` is a regular file, for readers that open it
    themselves (Arrow)."""
    try:
        mode = os.stat(path).st_mode
    except ValueError:  # a NUL in the name
        raise FileRefused("a file name holds a NUL character") from None
    except FileNotFoundError:
        raise FileRefused("no such file") from None
    except OSError as error:
        raise FileRefused(f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise FileRefused("is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise FileRefused(
            "is not a regular file (a pipe or a device); give a file, or - for standard input"
        )


def referenced(folder: Path, reference: str, outside_allowed: bool = False) -> Path:
    """The file a document in `folder` names as `reference`, kept inside `folder`."""
    if outside_allowed:
        return folder / reference
    if "\0" in reference:
        raise ReferenceRefused("a name holding a NUL character")
    path = PurePath(reference)
    if path.is_absolute():
        raise ReferenceRefused(
            "an absolute path; name a file in the document's folder (or allow files outside it)"
        )
    if ".." in path.parts:
        raise ReferenceRefused(
            "a path through '..'; name a file in the document's folder (or allow files outside it)"
        )
    full = folder / path
    try:
        inside = full.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of symbolic links
        inside = False
    if not inside:
        raise ReferenceRefused(
            "a symbolic link out of the document's folder (or allow files outside it)"
        )
    return full
