"""--jobs: several processes, output byte-identical to a serial run."""
from __future__ import annotations

import os
import pty
import subprocess

from conftest import write

LINES = ["主播：这是全网最好的面霜", "助播：第一次来的宝宝点关注", "主播：顶级品质，销量第一", "主播：很好用"]


def _scripts(tmp_path, count=12):
    for i in range(count):
        body = "\n".join(LINES[(i + k) % len(LINES)] for k in range(i % 4 + 1)) + "\n"
        write(tmp_path / "s" / f"{i:02d}.txt", body if i % 3 else body + "// 注释\n")
    write(tmp_path / "s" / "bad.txt", "")
    (tmp_path / "s" / "bad.txt").write_bytes(b"\xff\xfe\x00")  # a per-file error, in order too


def test_jobs_output_identical(cli, tmp_path):
    _scripts(tmp_path)
    runs = [cli("check", "s", "--format", "json", "--jobs", n) for n in ("1", "2", "0")]
    assert runs[0].returncode == 2 and "bad.txt" in runs[0].stderr
    assert runs[0].stdout.count('"path": "s/') > 12
    assert all(r.stdout == runs[0].stdout and r.stderr == runs[0].stderr
               and r.returncode == runs[0].returncode for r in runs)


def test_jobs_with_fix(cli, tmp_path):
    _scripts(tmp_path)
    (tmp_path / "s" / "bad.txt").unlink()
    assert cli("check", "s", "--fix", "--unsafe-fixes", "--jobs", "2").returncode == 1
    assert "顶级" not in "".join(p.read_text("utf-8") for p in (tmp_path / "s").iterdir())


def test_progress_only_on_a_terminal(cli, tmp_path):
    _scripts(tmp_path)
    (tmp_path / "s" / "bad.txt").unlink()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LIVELINT_DEBUG")}
    env["TERM"] = "xterm"
    main, secondary = pty.openpty()
    try:
        result = subprocess.run([cli.exe, "check", "s", "--format", "json"], cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=secondary, env=env, timeout=120)
        os.close(secondary)
        secondary = None
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if secondary is not None:
            os.close(secondary)
        os.close(main)
    assert result.returncode == 1 and result.stdout.startswith(b"{")  # stdout stays clean
    assert "检查中".encode() in shown
    assert "检查中" not in cli("check", "s").stderr  # not a terminal: no progress
