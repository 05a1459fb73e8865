"""Page noise: datelines, bylines and repeated lines, found without moving offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.text.noise import dateline_outlet, find_noise

#: (text, the noise spans' texts, the outlet the dateline names)
DATELINES = [
    ("دبي، الإمارات (CNN)-- قال الوزير إن الطريق مغلق.", ["دبي، الإمارات (CNN)--"], "CNN"),
    # a dateline alone on its line, with the wire in brackets
    ("عنوان الخبر\n\nعمان (بترا) -\nقال الوزير إن الطريق مغلق.", ["عمان (بترا) -"], "بترا"),
    # a place and an outlet in quotes; a desk after it
    ("عنوان الخبر\n\nبغداد – «نخيل العراق»\nقال الوزير إن الطريق مغلق.", ["بغداد – «نخيل العراق»"], "نخيل العراق"),
    ("عنوان الخبر\nمأرب – «المشهد الجديد» – خاص\nنص الخبر.", ["مأرب – «المشهد الجديد» – خاص"], "المشهد الجديد"),
    # an unquoted name shaped like an outlet («... نيوز»، «بوابة ...»)
    ("عنوان الخبر\nالقاهرة – بوابة النهر\nنص الخبر.", ["القاهرة – بوابة النهر"], "بوابة النهر"),
    ("عنوان الخبر\nبيروت – الضفة نيوز\nنص الخبر.", ["بيروت – الضفة نيوز"], "الضفة نيوز"),
    # a journalist's name is noise, but no outlet
    ("عنوان الخبر\nالجلفة – سمير بن علي\nنص الخبر.", ["الجلفة – سمير بن علي"], None),
    ("عنوان الخبر\nكتب: هاني سالم\nنص الخبر.", ["كتب: هاني سالم"], None),
    # an outlet and its place in brackets (or a place and an agency the registry knows)
    ("عنوان الخبر\nالوادي (الرياض)\nنص الخبر.", ["الوادي (الرياض)"], "الوادي"),
    ("عنوان الخبر\nالرياض (واس)\nنص الخبر.", ["الرياض (واس)"], "واس"),
    # a body line with a dash is no dateline
    ("قال الوزير إن الطريق – كما يبدو – مغلق منذ أيام طويلة جدا.", [], None),
]


@pytest.mark.parametrize("text, spans, outlet", DATELINES)
def test_datelines(text: str, spans: list[str], outlet: str | None) -> None:
    noise = find_noise(text)
    assert [s.text for s in noise] == spans
    assert dateline_outlet(noise) == outlet


@given(st.text(max_size=300))
def test_noise_spans_index_the_text(text: str) -> None:
    for s in find_noise(text):
        assert text[s.start:s.end] == s.text
