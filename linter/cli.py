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


def _emit(text: str, output: str | None) -> None:
    if output:
        from .files import write_atomic
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise LivelintError(f"cannot write output ({exc.strerror or exc})", output) from None
    else:
        sys.stdout.write(text)
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
def check(paths, manifest, config, fmt, output, select, ignore, fail_on) -> None:
    """检查话术文件或目录。"""
    from . import config as cfg
    from .api import Options, lint_paths
    from .reporters import get

    errors: list[LivelintError] = []
    try:
        conf = cfg.load(config)
        options = Options.from_config(conf, manifest=manifest, select=_split(select), ignore=_split(ignore))
        fail_on = fail_on or conf.fail_on
        report = lint_paths(paths, options, on_error=errors.append)
        for exc in errors:
            click.echo(f"livelint: 错误: {exc}", err=True)
        if output:
            _refuse_input_as_output(output, [f.path for f in report.files])
        _emit(get(fmt).render(report, color=_color(output)), output)
    except LivelintError as exc:
        _fail(str(exc))
    if errors:
        sys.exit(2)
    sys.exit(1 if report.failed(fail_on or "error") else 0)


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
