"""precis.rouge: ROUGE-1.5.5, its options, and DUC 2004's published scores."""

from __future__ import annotations

from pathlib import Path

import pytest

import precis
from conftest import require_shared

# Hong et al. (LREC 2014), ROUGE-1.5.5 -n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a:
# recall in percent, as ROUGE-1.5.5 prints it (the bootstrap mean over 1000 resamples).
PUBLISHED = {
    "Lead": (31.46, 6.13),
    "LexRank": (36.00, 7.51),
    "Centroid": (36.42, 7.98),
    "FreqSum": (35.31, 8.12),
    "TsSum": (35.93, 8.16),
    "GreedyKL": (38.03, 8.56),
    "CLASSY04": (37.71, 9.02),
    "CLASSY11": (37.21, 9.21),
    "Submodular": (39.23, 9.37),
    "DPP": (39.84, 9.62),
    "OCCAMS_V": (38.50, 9.75),
    "RegSum": (38.60, 9.78),
    "ICSISumm": (38.44, 9.81),
}


def duc2004() -> tuple[list[str], list[list[str]], Path]:
    """Cluster ids (sorted, ROUGE's order), their references, and the baselines folder."""
    root = require_shared("corpora/duc2004")
    clusters = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    refs = [
        [f.read_text(encoding="utf-8") for f in sorted((root / c / "refs").glob("*.txt"))]
        for c in clusters
    ]
    return clusters, refs, root / "_baselines"


def test_one_summary_by_hand() -> None:
    s = precis.rouge(["the cat sat on the mat"], [["the cat sat on a mat"]], max_n=2)
    one = s["clusters"][0]["rouge-1"]
    # "the cat sat on mat" of the reference's 6 words; "the" counted once (clipped).
    assert (one["hits"], one["reference_total"], one["system_total"]) == (5, 6, 6)
    assert s["rouge-1"]["recall"] == pytest.approx(5 / 6)
    two = s["clusters"][0]["rouge-2"]
    assert (two["hits"], two["reference_total"]) == (3, 5)
    assert set(s) == {"rouge-1", "rouge-2", "rouge-l", "rouge-su4", "clusters", "rouge_flags"}
    assert s["rouge_flags"] == "-n 2 -m -l 100 -f A -p 0.5 -2 4 -u"


def test_means_are_plain_means_over_clusters_and_a_str_is_one_reference() -> None:
    summaries = ["Police killed the gunman.", "The parties formed a coalition government."]
    refs = [
        ["The police killed the gunman.", "Police shot the gunman dead."],
        "Hun Sen and Ranariddh formed a coalition government.",
    ]
    s = precis.rouge(summaries, refs)
    for metric in ("rouge-1", "rouge-2", "rouge-4", "rouge-l", "rouge-su4"):
        values = [c[metric]["recall"] for c in s["clusters"]]
        assert s[metric]["recall"] == pytest.approx(sum(values) / 2, abs=1e-15)
    alone = precis.rouge(summaries[1:], [[refs[1]]])
    assert alone["clusters"][0] == s["clusters"][1]


def test_options_change_what_they_should() -> None:
    summary = ["The leaders said they were meeting in the summer to discuss the plans."]
    ref = [["Leaders say the meeting of summer discussed plans."]]
    stemmed = precis.rouge(summary, ref)["rouge-1"]["recall"]
    plain = precis.rouge(summary, ref, stem=False)["rouge-1"]["recall"]
    assert stemmed > plain  # said -> say, meeting -> meet, plans -> plan
    no_stop = precis.rouge(summary, ref, remove_stopwords=True)
    assert no_stop["clusters"][0]["rouge-1"]["reference_total"] < 8
    cut = precis.rouge(summary, ref, words=3)["clusters"][0]["rouge-1"]
    assert cut["system_total"] == 3 and cut["reference_total"] == 3
    assert precis.rouge(summary, ref, bytes=20)["rouge_flags"].startswith("-n 4 -m -b 20")
    assert "-l" not in precis.rouge(summary, ref, no_limit=True)["rouge_flags"]
    best = precis.rouge(summary, [ref[0] + ["nothing alike here"]], pooling="best")
    assert best["rouge-1"]["recall"] == pytest.approx(stemmed)
    f2 = precis.rouge(summary, ref, alpha=0.9)["rouge-1"]
    assert f2["f"] != precis.rouge(summary, ref)["rouge-1"]["f"]
    vi = precis.rouge(["Hà Nội mưa lớn"], [["mưa lớn ở Hà Nội"]], tokenize="unicode")
    assert vi["rouge-1"]["recall"] == pytest.approx(4 / 5)
    # ROUGE-1.5.5's words are runs of ASCII letters and digits: "Hà Nội" is h, n, i.
    assert precis.rouge(["Hà Nội"], [["Hà Nội"]])["clusters"][0]["rouge-1"]["hits"] == 3


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        (("a b", [["a"]]), {}, TypeError, "summaries must be a list of str, not a str"),
        ((["a"], [["a"], ["b"]]), {}, ValueError, "1 summaries but 2 entries of references"),
        ((["a"], [[1]]), {}, TypeError, r"references\[0\]\[0\] must be a str, not int"),
        ((["a"], [["a"]]), {"max_n": 10}, ValueError, "max_n must be 0 to 9"),
        ((["a"], [["a"]]), {"words": 5, "bytes": 5}, ValueError, "words cannot be used with bytes"),
        ((["a"], [["a"]]), {"words": 0}, ValueError, "words must be at least 1"),
        ((["a"], [["a"]]), {"alpha": 1.5}, ValueError, "alpha must be between 0 and 1"),
        ((["a"], [["a"]]), {"tokenize": "words"}, ValueError, "possible values: ascii, unicode"),
        ((["a"], [["a"]]), {"resamples": 0}, ValueError, "resamples must be at least 1"),
        ((["a"], [["a"]]), {"resamples": 10, "confidence": 120}, ValueError, "confidence"),
    ],
)
def test_bad_arguments(args: tuple, kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        precis.rouge(*args, **kwargs)


def test_duc2004_published_scores() -> None:
    """The 13 published DUC 2004 systems: the bootstrap means precis.rouge gives with
    resamples=1000 are ROUGE-1.5.5's printed figures to the digit (like with like), and its
    plain means are within 0.05 points of them, as `precis eval --plain-means` is."""
    clusters, refs, baselines = duc2004()
    for system, (r1, r2) in PUBLISHED.items():
        summaries = [(baselines / system / f"{c}.txt").read_text(encoding="utf-8") for c in clusters]
        s = precis.rouge(summaries, refs, resamples=1000)
        assert s["rouge_flags"] == "-n 4 -m -l 100 -f A -p 0.5 -2 4 -u"
        for metric, published in (("rouge-1", r1), ("rouge-2", r2)):
            plain = 100 * s[metric]["recall"]
            bootstrap = 100 * s[metric]["bootstrap"]["recall"]["mean"]
            assert round(bootstrap, 2) == pytest.approx(published, abs=1e-9), (system, metric)
            assert abs(plain - published) < 0.05, (system, metric, plain, published)
            low, high = (s[metric]["bootstrap"]["recall"][k] for k in ("low", "high"))
            assert low < s[metric]["recall"] < high
