"""Command line (contract §3.1). The only module that prints or exits.

Exit codes: 0 clean (below --fail-on), 1 findings at or above --fail-on, 2 usage, config,
manifest, ruleset or input errors — always one line, never a traceback.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .model import SEVERITIES, LivelintError


def _fail(message: str) -> None:
    click.echo(f"livelint: 错误: {message}", err=True)
    sys.exit(2)


def _color(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _baseline(path: str):
    from .baseline import load  # only a run with --baseline pays for fingerprinting

    return load(path)


def _emit(text, output: str | None) -> None:
    """Write a report (a string, or an iterable of strings written as they come)."""
    if output:
        from .files import write_atomic
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise LivelintError(f"cannot write output ({exc.strerror or exc})", output) from None
    else:
        for part in [text] if isinstance(text, str) else text:
            sys.stdout.write(part)
        sys.stdout.flush()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="livelint")
def main() -> None:
    """livelint：直播带货话术合规检查（广告法、价格、库存、功效…）。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--manifest", "manifest", metavar="FILE", help="商品清单 YAML（库存、价格、活动时间…）")
@click.option("--config", "config", metavar="FILE", help="配置文件（pyproject.toml 或 .livelint.toml）")
@click.option("--format", "fmt", default="terminal", show_default=True,
              type=click.Choice(["terminal", "json", "sarif", "github", "junit", "html"]))
@click.option("--output", metavar="FILE", help="把报告写入文件（原子写入）")
@click.option("--select", multiple=True, metavar="PREFIX", help="只启用这些规则前缀或类别（可重复）")
@click.option("--ignore", multiple=True, metavar="PREFIX", help="停用这些规则前缀或类别（可重复）")
@click.option("--fail-on", type=click.Choice(list(reversed(SEVERITIES))), default=None,
              help="达到该级别即以 1 退出（默认 error）")
@click.option("--fix", is_flag=True, help="自动应用安全修复（safe fixes），再报告剩余问题")
@click.option("--unsafe-fixes", is_flag=True, help="与 --fix/--diff 同用：也应用可能改变原意的修复")
@click.option("--diff", is_flag=True, help="只输出修复的 unified diff，不写文件")
@click.option("--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="并行进程数（0 = CPU 核数）")
@click.option("--baseline", "baseline_file", metavar="FILE", help="基线文件：其中已记录的问题不再导致失败")
@click.option("--write-baseline", metavar="FILE", help="把当前全部问题写入基线文件")
@click.option("--no-cache", is_flag=True, help="不使用、不写入结果缓存（.livelint_cache/）")
def check(paths, manifest, config, fmt, output, select, ignore, fail_on, fix, unsafe_fixes, diff,
          jobs, baseline_file, write_baseline, no_cache) -> None:
    """检查话术文件或目录。"""
    from . import config as cfg
    from .api import Job, Options, lint_paths, write_baseline as record
    from .reporters import get

    if unsafe_fixes and not (fix or diff):
        _fail("--unsafe-fixes 需与 --fix 或 --diff 一起使用")
    errors: list[LivelintError] = []
    try:
        conf = cfg.load(config)
        options = Options.from_config(conf, manifest=manifest, select=_split(select), ignore=_split(ignore),
                                      keep_source=getattr(get(fmt), "NEEDS_SOURCE", False),
                                      no_cache=no_cache)
        fail_on = fail_on or conf.fail_on
        job = Job(baseline=_baseline(baseline_file) if baseline_file else None,
                  fix=("unsafe" if unsafe_fixes else "safe") if fix or diff else None,
                  write=not diff, jobs=jobs)
        with _Progress() as progress:
            report = lint_paths(paths, options, on_error=errors.append, job=job, on_progress=progress)
        for exc in errors:
            click.echo(f"livelint: 错误: {exc}", err=True)
        if output:
            _refuse_input_as_output(output, [f.path for f in report.files])
        if write_baseline:
            report = record(report, write_baseline)
        if diff:
            _emit("".join(f.diff for f in report.fixes), None)
        if output or not diff:
            reporter = get(fmt)
            streams = hasattr(reporter, "chunks")  # JSON: written piece by piece (peak memory)
            _emit(reporter.chunks(report) if streams else reporter.render(report, color=_color(output)), output)
    except LivelintError as exc:
        _fail(str(exc))
    if errors:
        sys.exit(2)
    sys.exit(1 if report.failed(fail_on or "error") else 0)


class _Progress:
    """A rich progress bar on stderr for long interactive runs; silent in pipes, CI and tests."""

    MIN_FILES = 8

    def __init__(self):
        self.bar = None
        self.task = None
        self.enabled = sys.stderr.isatty() and "NO_COLOR" not in os.environ \
            and os.environ.get("TERM") != "dumb"

    def __enter__(self):
        return self

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_FILES:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("检查中", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _refuse_input_as_output(output: str, inputs) -> None:
    """``--output script.txt`` by a slip of the finger would replace the script with a report."""
    for path in inputs:
        try:
            if os.path.samefile(output, path):
                raise LivelintError("--output would overwrite a script being checked", output)
        except OSError:
            continue


def _split(values) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@main.command()
def rules() -> None:
    """列出全部规则：ID、名称、类别、级别、说明。"""
    from .explain import rules_table
    from .ruleset import load_ruleset

    try:
        click.echo(rules_table(load_ruleset()), nl=False)
    except LivelintError as exc:
        _fail(str(exc))


@main.command()
@click.argument("rule")
def explain(rule) -> None:
    """解释一条规则：检查内容、为何违规、反例、正例、建议改写、法律依据。"""
    from .explain import explain as render
    from .ruleset import load_ruleset
    from .suggest import did_you_mean

    try:
        ruleset = load_ruleset()
    except LivelintError as exc:
        _fail(str(exc))
    found = ruleset.get(rule.upper()) or ruleset.by_name(rule)
    if found is None:
        _fail(f"unknown rule {rule}" + did_you_mean(rule.upper(), [r.id for r in ruleset.rules]
                                                     + [r.name for r in ruleset.rules]))
    click.echo(render(found), nl=False)


@main.command("test-rules")
@click.argument("dirs", nargs=-1)
def test_rules(dirs) -> None:
    """运行规则文件自带的正例和反例（默认：内置规则）。"""
    from pathlib import Path

    from .examples import run_examples
    from .ruleset import load_ruleset

    try:
        ruleset = load_ruleset(dirs)
        chosen = [r for r in ruleset.rules
                  if not dirs or any(Path(r.path).resolve().is_relative_to(Path(d).resolve()) for d in dirs)]
        failures = [f for r in chosen for f in run_examples(ruleset, r)]
    except LivelintError as exc:
        _fail(str(exc))
    for failure in failures:
        click.echo(str(failure))
    examples = sum(len(r.bad) + len(r.good) for r in chosen)
    click.echo(f"{len(chosen)} 条规则，{examples} 个例子：{examples - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


@main.command()
def init() -> None:
    """在当前目录生成商品清单模板 livelint.manifest.yaml 和配置 .livelint.toml（不覆盖已有文件）。"""
    from .init import init as write_template

    try:
        written = write_template(".")
    except LivelintError as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"已生成 {path}")
    click.echo("下一步：按商品详情页填写清单，然后运行 livelint manifest check livelint.manifest.yaml")


@main.group()
def manifest() -> None:
    """商品清单工具。"""


@manifest.command("check")
@click.argument("file")
def manifest_check(file) -> None:
    """校验商品清单文件。"""
    from .manifest import load_manifest

    try:
        m = load_manifest(file)
    except LivelintError as exc:
        _fail(str(exc))
    click.echo(f"{file}: 清单有效，{len(m.products)} 个商品")


def run() -> None:
    """Console entry point: no traceback ever reaches the user."""
    import gc

    # A check allocates ~10 objects per script line, almost none cyclic: collecting every 700
    # allocations re-walks the growing heap for nothing (measured: ~7% of a 5 MB check).
    gc.set_threshold(20_000, 50, 50)
    try:
        sys.exit(main.main(standalone_mode=False) or 0)
    except SystemExit:
        raise
    except click.ClickException as exc:  # usage errors: one line too, not click's usage block
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `livelint`: the help, as before
            exc.show()
            sys.exit(exc.exit_code)
        click.echo(f"livelint: 错误: {' '.join(exc.format_message().split())}"
                   "（livelint --help 查看用法）", err=True)
        sys.exit(2)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("livelint: 已中断", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: still one line, exit 2; LIVELINT_DEBUG shows the trace
        if os.environ.get("LIVELINT_DEBUG"):
            raise
        click.echo(f"livelint: 内部错误: {type(exc).__name__}: {exc}（设置 LIVELINT_DEBUG=1 查看详情）", err=True)
        sys.exit(2)
