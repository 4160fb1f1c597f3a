"""The shipped gazetteer is valid, matches the reference coordinates, and bad rows fail loudly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard.errors import GazetteerError
from dashboard.geo.gazetteer import COLUMNS, KINDS, load_gazetteer
from dashboard.geo.geocode import GazetteerGeocoder, normalize

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "geodata" / "gazetteer.csv"
REFERENCE = ROOT / "tests" / "data" / "reference_places.csv"  # with its sources: tests/data/README.md
CORE = ["Damascus", "Aleppo", "Homs", "Latakia", "Tartus", "Khmeimim Air Base",
        "Tartus naval facility", "Latakia Governorate", "Hama", "Idlib", "Jableh"]


@pytest.fixture(scope="module")
def places():
    return load_gazetteer(GAZETTEER)


@pytest.fixture(scope="module")
def geocoder(places):
    return GazetteerGeocoder(places)


def test_shipped_gazetteer_loads_with_every_kind(places):
    assert len(places) >= 250
    assert {p.kind for p in places} == set(KINDS)
    assert all(p.source and p.source_ref for p in places)


def test_file_is_sorted_by_kind_then_name():
    with GAZETTEER.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keys = [(r["kind"], r["name"].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_core_places_match_reference(places):
    by_name = {p.name: p for p in places}
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        reference = {r["name"]: r for r in csv.DictReader(handle)}
    for name in CORE:
        ref = reference[name]
        assert (by_name[name].lat, by_name[name].lon) == (float(ref["lat"]), float(ref["lon"])), name


@pytest.mark.parametrize(("alias", "expected"), [
    ("Kheimin airbase", "Khmeimim Air Base"),
    ("Hmeimim", "Khmeimim Air Base"),
    ("KHMEIMIM AIRBASE", "Khmeimim Air Base"),
    ("Latakia province", "Latakia Governorate"),
    ("Tartus naval base", "Tartus naval facility"),
    ("Tartus Naval Base", "Tartus naval facility"),
    ("Lattakia", "Latakia"),
    ("Deir al-Zor", "Deir ez-Zor"),
    ("Al Qamishli", "Qamishli"),
    ("Tadmur", "Palmyra"),
    ("Idleb", "Idlib"),
    ("Türkiye", "Turkey"),
    ("U.S.", "United States"),
    ("Odessa", "Odesa"),
    ("the Mediterranean", "Mediterranean Sea"),
    # round 12 (tests/heldout6), sources in geodata/SOURCES.md
    ("Ayn Issa", "Ain Issa"),
    ("Minet al-Beida", "Minet el-Beida"),
    ("Iraqi Kurdistan", "Kurdistan Region"),
])
def test_aliases_resolve(geocoder, alias, expected):
    location = geocoder.geocode(alias)
    assert location is not None and location.address == expected


def test_bases_are_distinct_from_nearby_cities(geocoder):
    base = geocoder.geocode("Tartus naval base")
    city = geocoder.geocode("Tartus")
    assert base.raw["kind"] == "base" and city.raw["kind"] == "city"
    assert base.point != city.point
    khmeimim = geocoder.geocode("Khmeimim")
    for city in ("Jableh", "Latakia"):
        assert geocoder.geocode(city).point != khmeimim.point, city


def test_same_name_traps_picked_syria(places):
    by_name = {p.name: p for p in places}
    for name in ("Homs", "Hama", "Palmyra"):
        assert by_name[name].country == "SY", name
    assert by_name["Moscow"].country == "RU"


def test_no_alias_names_two_places(places):
    owner: dict[str, str] = {}
    for place in places:
        for name in place.names():
            key = normalize(name)
            assert owner.setdefault(key, place.name) == place.name, (name, owner[key], place.name)


def test_no_everyday_word_aliases(places):
    words = {"duma", "us", "tall", "bab", "sham", "america"}
    assert not {normalize(a) for p in places for a in p.names()} & words


GOOD = "Damascus,city,33.5102,36.29128,SY,Dimashq,GeoNames,https://www.geonames.org/170654"


def write(tmp_path: Path, *lines: str, header: str = ",".join(COLUMNS)) -> Path:
    path = tmp_path / "gaz.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_minimal_file_loads(tmp_path):
    [place] = load_gazetteer(write(tmp_path, GOOD))
    assert place.aliases == ("Dimashq",) and place.lat == 33.5102


@pytest.mark.parametrize(("row", "words"), [
    ("Aleppo,town,36.2,37.16,SY,,src,ref", "unknown kind"),
    ("Aleppo,city,96.2,37.16,SY,,src,ref", "lat"),
    ("Aleppo,city,36.2,197.16,SY,,src,ref", "lon"),
    ("Aleppo,city,north,37.16,SY,,src,ref", "not a number"),
    ("Aleppo,city,nan,37.16,SY,,src,ref", "outside"),
    (",city,36.2,37.16,SY,,src,ref", "empty name"),
    ("Aleppo,city,36.2,37.16,SY", "missing column"),
    ("Aleppo,city,36.2,37.16,SY,,src,ref,extra", "too many fields"),
    ("DAMASCUS,city,33.5,36.2,SY,,src,ref", "duplicate name"),
])
def test_bad_rows_name_file_and_row(tmp_path, row, words):
    path = write(tmp_path, GOOD, row)
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    message = str(info.value)
    assert f"{path}, row 3" in message and words in message and "—" in message


def test_missing_header_column(tmp_path):
    path = write(tmp_path, GOOD, header="name,kind,lat,lon,country,aliases,source")
    with pytest.raises(GazetteerError, match=r"row 1: header lacks column\(s\) source_ref"):
        load_gazetteer(path)


def test_missing_file(tmp_path):
    with pytest.raises(GazetteerError, match="cannot open"):
        load_gazetteer(tmp_path / "nope.csv")


def test_round_12_places_are_where_their_sources_put_them(places):
    """Ain Issa, Minet el-Beida and the Kurdistan Region at their Wikipedia infobox points, Georgia in the Caucasus."""
    by_name = {p.name: p for p in places}
    assert (by_name["Ain Issa"].lat, by_name["Ain Issa"].lon) == (36.38528, 38.85944)
    assert (by_name["Minet el-Beida"].lat, by_name["Minet el-Beida"].lon) == (35.607, 35.776)
    assert (by_name["Kurdistan Region"].lat, by_name["Kurdistan Region"].lon) == (36.183, 44.0)
    assert 41 < by_name["Georgia"].lat < 44 and 40 < by_name["Georgia"].lon < 47
    assert by_name["Kurdistan Region"].kind == "region" and by_name["Georgia"].kind == "country"
