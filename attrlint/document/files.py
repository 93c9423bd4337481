"""Reading the files attrlint is given, bounded: regular files only, and only up to a size limit.

A named pipe with a Markdown name would block a read for ever, and a device (``/dev/zero``)
would fill memory; both are refused with an ``OSError`` whose ``strerror`` says why, as is a file
larger than the caller's limit. The file is opened without blocking and checked with ``fstat``
on the open descriptor, so a file swapped for a pipe after a check cannot slip through.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MIB = 1024 * 1024
_CHUNK = MIB
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def size_words(count: int) -> str:
    """``64 MiB``, ``512 KiB`` or ``12 bytes``."""
    for unit, name in ((MIB, "MiB"), (1024, "KiB")):
        if count >= unit and count % unit == 0:
            return f"{count // unit} {name}"
    return f"{count} bytes"


def too_large(limit: int) -> str:
    """The reason given for input over ``limit`` bytes."""
    return f"too large (over {size_words(limit)})"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; OSError if it is not one or exceeds ``limit``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        if path.is_dir():  # Windows will not open a folder at all
            raise IsADirectoryError(errno.EISDIR, "is a directory") from None
        raise
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        for test, kind in _KINDS:
            if test(mode):
                raise OSError(errno.EINVAL, f"not a regular file ({kind})")
        if info.st_size > limit:
            raise OSError(errno.EFBIG, too_large(limit))
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, _CHUNK):
            total += len(chunk)
            if total > limit:
                raise OSError(errno.EFBIG, too_large(limit))
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
