"""Run code blocks as if each were pasted into a fresh ``python -``, without paying torch's import each time.

Started as ``python -I block_server.py`` (inside ``unshare --net`` by the code-block test), it imports
``PRELOAD`` once, then reads one JSON request per line on stdin, ``{"code": ..., "timeout": ...}``, and for
each one forks a child that runs the code and answers ``{"returncode", "stdout", "stderr"}`` on one line.

What the child shares with its parent is only ``sys.modules`` after ``import numpy, torch``: exactly what
a fresh interpreter has after those two imports, so a block still has to import what it uses (its
``__main__`` namespace is new and empty) and nothing a block does reaches the next one (each child is a
fresh copy of the parent, discarded after the block). Only packages whose import loads nothing a plain
``import`` of them would not are preloaded; ``matplotlib.pyplot`` is not, so ``import matplotlib`` then
``matplotlib.pyplot`` still fails here as in a fresh interpreter. Each child gets its own empty working
folder (also ``HOME``), ``sys.argv == ["-"]``, stdin at end of file, and exits like the interpreter:
``SystemExit`` codes, a traceback and status 1 for an uncaught exception, non-daemon threads joined,
atexit handlers run. The one visible difference: ``"torch" in sys.modules`` is already true.
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import types

PRELOAD = ("numpy", "torch")


def exit_status(exc: SystemExit) -> int:
    """What ``python`` returns for ``raise SystemExit(code)``."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    print(exc.code, file=sys.stderr)
    return 1


def run_child(code: str, cwd: str, out_fd: int, err_fd: int) -> None:
    """In the forked child: run ``code`` as ``__main__`` and leave with its exit status. Never returns."""
    status = 1
    try:
        devnull = os.open(os.devnull, os.O_RDONLY)
        for source, target in ((devnull, 0), (out_fd, 1), (err_fd, 2)):
            os.dup2(source, target)
        sys.stdin = open(0, encoding="utf-8", closefd=False)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False, errors="backslashreplace")
        os.chdir(cwd)
        os.environ["HOME"] = cwd
        sys.argv = ["-"]
        main = types.ModuleType("__main__")
        main.__dict__["__builtins__"] = __builtins__
        sys.modules["__main__"] = main
        try:
            exec(compile(code, "<stdin>", "exec"), main.__dict__)  # noqa: S102 - running the block is the point
            status = 0
        except SystemExit as exc:
            status = exit_status(exc)
        except BaseException as exc:
            # from the block's own frame on, as the interpreter shows it (not this function's exec)
            traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next)
            status = 1
        threading._shutdown()  # like the interpreter at exit: wait for the block's non-daemon threads
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


def read_all(out_fd: int, err_fd: int, deadline: float) -> tuple[bytes, bytes, bool]:
    """Read both pipes to the end (or until the deadline); returns stdout, stderr and whether it timed out."""
    chunks = {out_fd: [], err_fd: []}
    selector = selectors.DefaultSelector()
    for fd in chunks:
        selector.register(fd, selectors.EVENT_READ)
    while selector.get_map():
        left = deadline - time.monotonic()
        if left <= 0:
            return b"".join(chunks[out_fd]), b"".join(chunks[err_fd]), True
        for key, _ in selector.select(timeout=left):
            data = os.read(key.fd, 65536)
            if data:
                chunks[key.fd].append(data)
            else:
                selector.unregister(key.fd)
    return b"".join(chunks[out_fd]), b"".join(chunks[err_fd]), False


def run(code: str, timeout: float) -> dict:
    cwd = tempfile.mkdtemp(prefix="block-")
    (out_r, out_w), (err_r, err_w) = os.pipe(), os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(err_r)
        run_child(code, cwd, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    try:
        stdout, stderr, timed_out = read_all(out_r, err_r, time.monotonic() + timeout)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(out_r)
        os.close(err_r)
        shutil.rmtree(cwd, ignore_errors=True)
    returncode = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return {"returncode": returncode, "timed_out": timed_out,
            "stdout": stdout.decode("utf-8", "replace"), "stderr": stderr.decode("utf-8", "replace")}


def serve() -> None:
    for name in PRELOAD:
        __import__(name)
    protocol = sys.stdout
    protocol.write(json.dumps({"ready": list(PRELOAD)}) + "\n")
    protocol.flush()
    for line in sys.stdin:
        request = json.loads(line)
        protocol.write(json.dumps(run(request["code"], request["timeout"])) + "\n")
        protocol.flush()


if __name__ == "__main__":
    serve()
