"""Registry: schema, integrity of the built-in data, user files, errors."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from claimtrack.errors import RegistryError
from claimtrack.sources.mention import key
from claimtrack.sources.registry import (KINDS, SIDES, builtin_registry, load_registry,
                                         parse_registry_text)

GOOD = """
# a test outlet
[test-agency]
name = "Test Agency"
kind = "agency"
country = "SY"
ar = ["وكالة التجربة", "التجربة للأنباء"]
"""


def test_builtin_size_and_schema() -> None:
    reg = builtin_registry()
    assert len(reg) >= 150
    for e in reg:
        assert e.kind in KINDS
        assert e.side is None or e.side in SIDES
        assert e.ar and e.name
        assert e.type in ("outlet", "organization")


def test_no_name_claimed_twice_after_normalisation() -> None:
    owner: dict[str, str] = {}
    for e in builtin_registry():
        for name in e.names:
            k = key(name)
            assert owner.setdefault(k, e.id) == e.id, (name, owner[k], e.id)


def test_context_names_are_not_plain_names() -> None:
    reg = builtin_registry()
    for e in reg:
        for name in e.context:
            assert key(name) not in reg.exact, (e.id, name)


def test_canonical_ids_and_aliases_present() -> None:
    canonical = Path("/work/shared/eval/canonical.json")
    if not canonical.exists():
        pytest.skip("shared canonical.json not present")
    import json

    reg = builtin_registry()
    for cid, names in json.loads(canonical.read_text(encoding="utf-8")).items():
        assert cid in reg, cid
        e = reg[cid]
        known = {key(n) for n in e.names + e.context}
        for n in names:
            assert key(n) in known, (cid, n)


def test_builtin_is_cached() -> None:
    assert builtin_registry() is builtin_registry()


@pytest.mark.parametrize(("text", "message"), [
    ("[x]\nname = 'X'\nkind = 'agency'\ncountry = 'SY'\n", "missing required field 'ar'"),
    ("[x]\nname = 'X'\nkind = 'blog'\ncountry = 'SY'\nar = ['س']\n", ":3: entry 'x', field 'kind'"),
    ("[x]\nname = 'X'\nkind = 'agency'\ncountry = 'Syria'\nar = ['س']\n", ":4: entry 'x', field 'country'"),
    ("[x]\nname = 'X'\nkind = 'agency'\ncountry = 'SY'\nar = 'س'\n", ":5: entry 'x', field 'ar'"),
    ("[x]\nname = 'X'\nkind = 'agency'\ncountry = 'SY'\nar = ['س']\ncolour = 'red'\n", "field 'colour'"),
    ("[Bad_Id]\nname = 'X'\nkind = 'agency'\ncountry = 'SY'\nar = ['س']\n", "bad id"),
    ("[x]\nname = 'X\nkind = 'agency'\n", "mine.toml:2: not valid TOML"),
    ("[x]\nname = 'X'\nkind = 'agency'\ncountry = 'SY'\nar = ['س']\nside = 'left'\n", "field 'side'"),
])
def test_malformed_files_name_file_line_field(text: str, message: str) -> None:
    with pytest.raises(RegistryError) as info:
        parse_registry_text(text, filename="mine.toml")
    assert message in str(info.value)
    assert "mine.toml" in str(info.value)


def test_user_file_merges_over_builtin(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text(GOOD, encoding="utf-8")
    reg = load_registry([f])
    assert len(reg) == len(builtin_registry()) + 1
    assert reg.lookup("لوكالة التجربة") is None  # lookup takes the name as written
    assert reg.lookup("وكالة التجربة") == "test-agency"
    assert reg.lookup("رويترز") == "reuters"


def test_user_alias_conflict_warns_naming_both(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text(GOOD.replace('"التجربة للأنباء"', '"رويترز"'), encoding="utf-8")
    with pytest.warns(UserWarning, match="'reuters'.*'test-agency'"):
        reg = load_registry([f])
    assert reg.lookup("رويترز") == "test-agency"


def test_bad_user_file_leaves_nothing_half_loaded(tmp_path: Path) -> None:
    good = tmp_path / "a.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "b.toml"
    bad.write_text("[y]\nname = 'Y'\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="b.toml"):
        load_registry([good, bad])
    assert "test-agency" not in builtin_registry()


def test_missing_file() -> None:
    with pytest.raises(RegistryError, match="not found"):
        load_registry(["/no/such/registry.toml"])


def test_same_id_in_user_file_replaces_entry(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text("[reuters]\nname = 'Reuters (mine)'\nkind = 'agency'\ncountry = 'GB'\n"
                 "ar = ['رويترز']\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reg = load_registry([f])
    assert reg["reuters"].name == "Reuters (mine)"
    assert reg.lookup("وكالة رويترز") is None


def test_state_bodies_are_built_from_the_table() -> None:
    from claimtrack.sources import resolve

    reg = builtin_registry()
    assert reg["egyptian-interior-ministry"].name == "Egyptian Interior Ministry"
    assert resolve("الجيش السوداني").id == "sudanese-army"
    # a hand-written entry wins over the built one
    assert resolve("الداخلية العراقية").id == "iraqi-interior-ministry"
    assert "british-defense-ministry" not in reg and "uk-defense-ministry" not in reg


def test_state_body_table_errors_name_the_problem() -> None:
    from claimtrack.sources.state_bodies import state_body_entries

    nat = {"EG": {"prefix": "egyptian", "en": "Egyptian", "m": "المصري", "f": "المصرية"}}
    with pytest.raises(RegistryError, match="gender"):
        state_body_entries([], table={"nationalities": nat,
                                      "bodies": {"army": {"kind": "army", "en": "Army", "gender": "x", "ar": ["الجيش"]}}})
    with pytest.raises(RegistryError, match="lacks the field 'kind'"):
        state_body_entries([], table={"nationalities": nat, "bodies": {"army": {"en": "Army"}}})
    built = state_body_entries([], table={"nationalities": nat, "bodies": {
        "army": {"kind": "army", "en": "Army", "gender": "m", "ar": ["الجيش"]}}})
    assert [(e.id, e.ar, e.context) for e in built] == [("egyptian-army", ("الجيش المصري",), ("الجيش",))]
