"""Spec mismatch: fibre content, net content, origin, grade, certified attributes, shelf life
and production date against products[].specs and certifications[]."""
from __future__ import annotations

from datetime import date
from functools import lru_cache


from ..lazyre import lazy
from ..facts import Check, key, numbers_only, register, unverifiable, violation
from ..normalize import normalize as _normalize
from ..numerals import NUM, duration_text, measure_text, number

# Manifest names and specs are normalised again for every claim about them: once is enough.
normalize = lru_cache(maxsize=4096)(_normalize)
_SAME_FIBRE = {"真丝": "桑蚕丝", "蚕丝": "桑蚕丝", "全棉": "棉"}
_SHARE = lazy(rf"(?P<a>\p{{Han}}{{1,5}}?)\s?(?:含量)?\s?(?P<p>{NUM})\s?%|(?P<q>{NUM})\s?%\s?(?P<b>\p{{Han}}{{1,5}})")


def _declared(product, canonical: str, default: str) -> tuple[str, str | None]:
    """(key path, value) of a well-known spec; the path names the key as the merchant wrote it
    (products[0].specs.面料), or the default name when it is missing."""
    written, value = (product.spec(canonical) if product is not None else None) or (None, None)
    return key(product, "specs", written or default), value


def shares(composition: str) -> dict[str, float]:
    """棉65% 涤纶35% / 65%棉 → {棉: 65, 涤纶: 35}; 100%棉 → {棉: 100}."""
    out: dict[str, float] = {}
    for m in _SHARE.finditer(normalize(composition)):
        name = m.group("a") or m.group("b")
        pct = number(m.group("p") or m.group("q"))
        if pct is not None:
            out[_SAME_FIBRE.get(name, name)] = pct
    return out


def fibre(rule, claim, product, manifest, segment):
    """纯棉/100%羊毛 needs >= 99.5% of that single fibre; 羊绒70% must equal the label's share."""
    field, composition = _declared(product, "composition", "成分")
    if composition is None:
        return unverifiable(field)
    parts = shares(composition)
    name = _SAME_FIBRE.get(claim.detail, claim.detail)
    share = parts.get(name, 0.0)
    if claim.kind == "fibre":
        if share < rule.param.get("min_percent", 99.5):
            return violation(field, claim.text, composition)
    elif abs(share - claim.value) > rule.param.get("share_tolerance", 0):
        return violation(field, claim.text, composition)
    return None


def net_content(rule, claim, product, manifest, segment):
    """净含量 said must equal specs 净含量 (same dimension, relative tolerance)."""
    field, spec = _declared(product, "net_content", "净含量")
    if spec is None:
        return unverifiable(field)
    declared = measure_text(spec)
    if declared is None or declared[1] != claim.unit:
        return unverifiable(field, f"（清单写作“{spec}”，无法与口播单位比较）")
    if abs(claim.value - declared[0]) > declared[0] * rule.param.get("tolerance", 0):
        return violation(field, claim.text, spec)
    return None


def _agree(said: str, declared: str) -> bool:
    said, declared = normalize(said), normalize(declared)
    return said in declared or declared in said


def origin(rule, claim, product, manifest, segment):
    field, spec = _declared(product, "origin", "产地")
    if spec is None:
        return unverifiable(field)
    return None if _agree(claim.detail, spec) else violation(field, claim.detail, spec)


def grade(rule, claim, product, manifest, segment):
    """特级/一级 said about the goods must be specs 等级; inside the product's own name it is a name."""
    if product is not None and segment is not None:
        for name in (product.name, *product.aliases):
            n = normalize(name)
            at = segment.norm.find(n)
            while at >= 0:
                if at <= claim.start and claim.end <= at + len(n):
                    return None
                at = segment.norm.find(n, at + 1)
    field, spec = _declared(product, "grade", "等级")
    if spec is None:
        return unverifiable(field)
    return None if _agree(claim.detail, spec) else violation(field, claim.detail, spec)


def certified(rule, claim, product, manifest, segment):
    """有机/绿色食品 are certification marks: a matching certifications[] entry must exist."""
    if product is None:
        return unverifiable(key(product, "certifications"))
    if any(claim.detail in normalize(c) for c in product.certifications):
        return None
    return violation(key(product, "certifications"), claim.detail, "无对应认证")


def shelf_life(rule, claim, product, manifest, segment):
    field, spec = _declared(product, "shelf_life", "保质期")
    if spec is None:
        return unverifiable(field)
    declared = duration_text(normalize(spec))
    if declared is None:
        return unverifiable(field, f"（清单写作“{spec}”，无法解析）")
    if abs(claim.value - declared) > declared * rule.param.get("tolerance", 0):
        return violation(field, claim.text, spec)
    return None


_DATE = lazy(r"(?:(?P<y>\d{4})\s?[年/.-]\s?)?(?P<m>\d{1,2})\s?[月/.-]\s?(?P<d>\d{1,2})")


def _date(text: str, year: int) -> date | None:
    m = _DATE.search(normalize(text))
    if not m:
        return None
    try:
        return date(int(m.group("y") or year), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def production_date(rule, claim, product, manifest, segment):
    """今天刚生产 / 生产日期11月10日 must match specs 生产日期; 新鲜到货 only needs it declared."""
    field, spec = _declared(product, "production_date", "生产日期")
    if spec is None:
        return unverifiable(field)
    when = segment.time if segment is not None and segment.time else \
        (manifest.session.start if manifest is not None else None)
    year = when.year if when else date.today().year
    declared = _date(spec, year)
    if not claim.detail or declared is None:
        return None
    if claim.detail == "today":
        if when is None:
            return unverifiable("session.start")
        said = when.date()
    else:
        said = _date(claim.detail, declared.year)
    if said is not None and said != declared:
        return violation(field, claim.text, spec)
    return None


register("fibre-content", Check(("fibre", "fibre_share"), fibre,
                                numbers_only("min_percent", "share_tolerance")))
register("net-content", Check(("net_content",), net_content, numbers_only("tolerance")))
register("origin", Check(("origin",), origin, numbers_only()))
register("grade", Check(("grade",), grade, numbers_only()))
register("certified-attribute", Check(("certified",), certified, numbers_only()))
register("shelf-life", Check(("shelf_life",), shelf_life, numbers_only("tolerance")))
register("production-date", Check(("production_date",), production_date, numbers_only()))
