"""``livelint init``: a commented manifest template and a config that points at it.

Never overwrites: if either file exists nothing is written, so a merchant's real manifest can
not be replaced by the example by a second, absent-minded ``init``.
"""
from __future__ import annotations

from pathlib import Path

from .files import write_atomic
from .model import LivelintError

MANIFEST = "livelint.manifest.yaml"
CONFIG = ".livelint.toml"
_CONFIG_TEXT = ('# livelint 配置 · configuration (contract §3.8)\n'
                f'manifest = "{MANIFEST}"\n'
                '# fail-on = "error"\n# ignore = []\n')


def template() -> str:
    return (Path(__file__).parent / "templates" / MANIFEST).read_text("utf-8")


def init(directory: str | Path = ".") -> tuple[str, str]:
    """Write the template and the config into ``directory``; return their paths."""
    folder = Path(directory)
    targets = (folder / MANIFEST, folder / CONFIG)
    for target in targets:
        if target.exists() or target.is_symlink():
            raise LivelintError("文件已存在，未覆盖（请直接编辑，或删除后重新 init）", str(target))
    try:
        write_atomic(str(targets[0]), template())
        write_atomic(str(targets[1]), _CONFIG_TEXT)
    except OSError as exc:
        raise LivelintError(f"无法写入（{exc.strerror or exc}）", str(exc.filename or folder)) from None
    return str(targets[0]), str(targets[1])
