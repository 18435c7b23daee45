"""Write docs/benchmarks.md from the results of the last benchmark run (benchmarks/out/*.json).

    python benchmarks/eval_gate.py      # runs every benchmark
    python benchmarks/report.py         # turns their results into docs/benchmarks.md

Every figure in the document comes from a results file, with the time it was measured; targets
are the issues' and marked met or not by comparing the figures, never by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
DOC = HERE.parent / "docs" / "benchmarks.md"


def load(name: str) -> dict[str, Any]:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else {"figures": {}, "time": "not run"}


def f(x: Any, digits: int = 3) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def met(value: float | None, target: float, above: bool = True) -> str:
    if value is None:
        return "not measured"
    ok = value >= target if above else value <= target
    return "met" if ok else f"**not met** ({f(value)})"


def section(lines: list[str], title: str, name: str, command: str) -> dict[str, Any]:
    data = load(name)
    lines += ["", f"## {title}", "", f"`{command}` (measured {data['time']})", ""]
    return data["figures"]


def table(lines: list[str], header: list[str], rows: list[list[str]]) -> None:
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines.extend("| " + " | ".join(r) + " |" for r in rows)


def main() -> None:
    L: list[str] = [
        "# Benchmarks",
        "",
        "Dev-split figures, each measured by a script in `benchmarks/` that reads `../shared/data` at",
        "run time, with its own scorer and, where the issue names one, a peer measured in the same run.",
        "`python benchmarks/eval_gate.py` reruns all of them and checks the floors in",
        "`benchmarks/baseline.json`; this page is written from their results by",
        "`python benchmarks/report.py`. Machines are 2 noisy cores: timings vary between runs.",
        "Rules were developed against these dev splits (TimeBank+AQUAINT is the only TimeML set here,",
        "so its figures are dev figures and likely optimistic); test splits were never looked at.",
    ]

    g = section(L, "Seed article and bundled example (gold facts, K of N)", "seed",
                "python benchmarks/seed.py")
    e = load("example")["figures"]
    kinds = ["people", "timexes", "quotes", "relations", "events", "statuses", "claims"]
    table(L, ["kind", "seed", "bundled example"],
          [[k, f"{g.get(k + '_k', '-')} of {g.get(k + '_n', '-')}",
            f"{e.get(k + '_k', '-')} of {e.get(k + '_n', '-')}"] for k in kinds])
    L.append("")
    L.append("The bundled example is an original fictional story with the seed's hard parts; scoring"
             " both with one scorer shows whether a rule only fits the seed.")

    c = section(L, "Named entities: CoNLL-2003 dev", "conll", "python benchmarks/conll.py")
    rows = []
    for t in ("PER", "LOC", "ORG", "MISC", "ALL"):
        rows.append([t] + [f(c.get(f"bare_{t}_{m}")) for m in ("p", "r", "f1")] +
                    [f(c.get(f"newsgraph_{t}_{m}")) for m in ("p", "r", "f1")])
    table(L, ["type", "bare P", "bare R", "bare F1", "newsgraph P", "newsgraph R", "newsgraph F1"], rows)
    L += ["", "Tokens are joined with spaces as the issue specifies; spaCy labels map PERSON->PER,"
          " GPE/LOC/FAC->LOC, ORG->ORG, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE->MISC."
          " newsgraph's person decisions combine rules with a linear tagger trained on the CoNLL-2003"
          " *train* split (`python benchmarks/train_ner.py`; thresholds chosen on a held-out fifth of"
          " train; see the README's licence note); dev was used only to measure.",
          f"- Issue 2: newsgraph ahead of bare on PER: "
          f"{met((c.get('newsgraph_PER_f1') or 0) - (c.get('bare_PER_f1') or 1), 0.0001)}",
          f"- Issue 5: PER F1 >= 0.92: {met(c.get('newsgraph_PER_f1'), 0.92)}; ORG and LOC no worse "
          f"than bare: {met(min((c.get('newsgraph_ORG_f1') or 0) - (c.get('bare_ORG_f1') or 1), (c.get('newsgraph_LOC_f1') or 0) - (c.get('bare_LOC_f1') or 1)), 0.0)}"]

    t = section(L, "Time expressions: TempEval-3 TimeBank + AQUAINT (TBAQ-cleaned)", "tempeval3",
                "python benchmarks/tempeval3.py")
    table(L, ["system", "strict F1", "relaxed F1", "type acc", "value acc", "value F1"],
          [["newsgraph"] + [f(t.get(f"ours_{m}")) for m in
                            ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")],
           ["spaCy DATE/TIME + dateparser"] + [f(t.get(f"peer_{m}")) for m in
                                               ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")]])
    L += ["", f"- Issue 3: value F1 >= 0.85: {met(t.get('ours_value_f1'), 0.85)}; strict span F1 >= 0.85: "
          f"{met(t.get('ours_strict_f1'), 0.85)}; timex stage share of extraction "
          f"{f(t.get('timex_share_of_extraction'))} (< 0.10: {met(t.get('timex_share_of_extraction'), 0.10, above=False)}),"
          f" {f(t.get('timex_ms_per_1k_words'), 1)} ms per 1,000 words. HeidelTime's published value F1 on the"
          " TempEval-3 *test* is 77.6 (not comparable with a dev figure)."]
    kinds = sorted(((k.split(": ", 1)[1], v) for k, v in t.items() if k.startswith("value_error: ")),
                   key=lambda kv: -kv[1])
    if kinds:
        from tempeval3 import _CONVENTION_CLASSES
        L += ["", "Value errors among matched timexes, by kind (`value_error_class` in the benchmark):", ""]
        table(L, ["kind", "count", "annotation notation or habit"],
              [[k, str(int(v)), "yes" if k in _CONVENTION_CLASSES else ""] for k, v in kinds])
        L += ["", f"- Counting the notation and habit kinds as right would give value F1 "
              f"{f(t.get('value_f1_conventions_counted_right'))}. That is not a score. It says that "
              "these kinds alone, annotation notation on which TBAQ disagrees with itself or with the "
              "TIMEX3 guidelines (docs/architecture.md), are worth more than the distance to 0.85; "
              "the grammar does not fit them, so the target stays unmet."]
    mt = section(L, "Time expressions on modern news: MEANTIME airbus + apple", "meantime_timex",
                 "python benchmarks/meantime_timex.py")
    table(L, ["system", "strict F1", "relaxed F1", "type acc", "value acc", "value F1"],
          [[s] + [f(mt.get(f"{p}_{m}")) for m in
                  ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")]
           for s, p in (("newsgraph", "ours"), ("spaCy DATE/TIME + dateparser", "peer"))])
    L += ["", f"Wikinews articles of 2004-2011 under the NewsReader guidelines, "
          f"{f(mt.get('ours_gold'), 0) if mt.get('ours_gold') is None else int(mt['ours_gold'])} "
          "timexes in the annotated title and first sentences, scored with the TBAQ scorer. The "
          "time rules were written against TBAQ; this set checks that they carry over to other "
          "news and other annotators. Its first run, before any rule had seen it, gave value F1 "
          "0.790; the forms it then exposed were fixed where the fix is general (\"18:00 UTC\", "
          "\"a second A320\", \"two and a half years\", a past-tense weekday read as tomorrow), "
          "so the figure above is a dev figure like TBAQ's. Its value errors are listed by "
          "`python benchmarks/meantime_timex.py --errors FILE`; most that remain are its "
          "annotators' conventions (ranges as one duration, \"two years ago\" as `P2Y`, "
          "`P2.5Y` for TimeBank's `P2Y6M`)."]
    tw = section(L, "Dates in tweets: TweeTIME dev", "tweetime", "python benchmarks/tweetime.py")
    table(L, ["system", "exact-set accuracy", "date P", "date R", "date F1"],
          [[s] + [f(tw.get(f"{p}_{m}")) for m in ("exact_set_acc", "date_p", "date_r", "date_f1")]
           for s, p in (("newsgraph", "ours"), ("dateparser", "peer"))])

    q = section(L, "Quotes: PolNeAR dev", "polnear", "python benchmarks/polnear.py")
    rows = []
    for label, key in (("content P", "content_p"), ("content R", "content_r"), ("content F1", "content_f1"),
                       ("direct content F1", "direct_content_f1"), ("direct speaker accuracy", "direct_speaker_acc"),
                       ("indirect content P", "indirect_content_p"), ("indirect content R", "indirect_content_r"),
                       ("indirect content F1", "indirect_content_f1"), ("speaker accuracy", "speaker_acc"),
                       ("end-to-end F1", "e2e_f1")):
        rows.append([label, f(q.get(key)), f(q.get("textacy_" + key))])
    table(L, ["figure", "newsgraph", "textacy direct_quotations"], rows)
    L += ["", f"- Issue 4: direct content F1 >= 0.90: {met(q.get('direct_content_f1'), 0.90)}; direct speaker"
          f" accuracy >= 0.90: {met(q.get('direct_speaker_acc'), 0.90)}; indirect content F1 >= 0.65: "
          f"{met(q.get('indirect_content_f1'), 0.65)}; quotes stage share {f(q.get('quotes_stage_share'))}."]

    gp = section(L, "Pronouns: GAP development", "gap", "python benchmarks/gap.py")
    table(L, ["system", "P", "R", "F1", "F1 masc", "F1 fem", "bias F/M"],
          [[s] + [f(gp.get(f"{p}_{m}")) for m in ("ALL_p", "ALL_r", "ALL_f1", "M_f1", "F_f1", "bias_FM")]
           for s, p in (("newsgraph rules", "newsgraph"),
                        ("newsgraph model (coref extra)", "model"),
                        ("nearest preceding name", "nearest"))])
    best = "model" if gp.get("model_ALL_f1") is not None else "newsgraph"
    L += ["", f"- Issue 5: F1 >= 0.80 with bias >= 0.95 ({'model' if best == 'model' else 'rules'}): "
          f"{met(gp.get(f'{best}_ALL_f1'), 0.80)}, bias {met(gp.get(f'{best}_bias_FM'), 0.95)}. "
          "The GAP paper's best baseline is 66.9 F1. The model is trained on GAP validation and "
          "silver news pronouns (`python benchmarks/train_pronouns.py`), never on development; the "
          "choices to ship the mean of the last four epochs rather than the epoch the small "
          "held-out set picks, to ship a mean of runs and how it is weighted, and the "
          "no-candidate threshold (0.1) were made on development figures, so the model figure "
          "is tuned on this split.",
          "- Measured and not shipped: the encoder's linear layers in int8 (dynamic "
          "quantization) would make the model path about 1.25 times as fast on the news corpus "
          "(people stage two thirds of its float time), but each variant failed a floor on this "
          "split. Float 0.8025 (bias 0.980); int8 with one scale per output channel 0.8007 (bias "
          "0.972, floor 0.9748); one scale per matrix 0.794; feed-forward layers only 0.797 "
          "(floor 0.7975); all but query and key 0.799 (bias 0.973).",
          "- Pronoun scorer: the shipped weights are `python benchmarks/soup_pronouns.py S F "
          "--tau 0.1 --max-rank 64`. S is the two-run soup shipped before (the weights of commit "
          "545522c, which alone scored 0.773, averaged with a rerun of that recipe, "
          "`train_pronouns.py --epochs 4 --rank 8 --average 4`, seed 13, which scored 0.756); S "
          "alone scored 0.793. F is `soup_pronouns.py` of four runs on all of GAP validation "
          "(`train_pronouns.py --epochs 4 --rank 8 --average 4 --held-fraction 0 --tau 0.1 "
          "--seed 13 --cache silver.pkl` with `--data-seed` 13, 29, 41 and 57; the silver cache "
          "recorded once by the pipeline of that day). The runs are not in the repository, so the "
          "soup can be remade only approximately, by rerunning the recipes. Measured on this "
          "split: one full-validation run 0.768, the soup of seeds 13 and 29 0.783, S with that "
          "two-run F 0.795, S with the four-run F 0.797 (bias 0.976), "
          "the six runs weighted equally 0.794. The SVD keeps each layer's averaged delta at "
          "rank 64 (the file stays 5 MB) and loses under 0.03% of its energy: the rank-128 soup "
          "and its truncation scored the same. Left out earlier: `--lr 7e-4` added nothing "
          "measurable, `--lr 1.3e-3` lowered the soup, and held-out runs with data seeds 29 / 47 "
          "gave soups within the noise of S; two more runs in F (data seeds 71 and 83) gave "
          "0.795. Measured and left out: reading each candidate at "
          "every name it has in the encoder's window and keeping its best-scoring name, instead "
          "of its nearest name only, scored F1 0.802 with the shipped weights, but only "
          "masculine pronouns gained (F1 masc 0.807 -> 0.818, fem 0.787 -> 0.785), so bias fell "
          "to 0.960: over the issue's 0.95, under this gate's floor of 0.9706, which is not "
          "lowered for it. The mean over the names scored 0.788. Adding to F two runs trained "
          "also on GAP validation snippets with every gendered word and given name turned to "
          "the other gender gave 0.803 with that reading and bias 0.958, feminine F1 still "
          "0.786. Training as that reading scores (each candidate's best name, max over its "
          "names in the loss) did not help either: two such runs in F gave 0.802 with bias "
          "0.959, S with only those two 0.795.",
          "- Reaching 0.80 (2026-11-30, the weights unchanged): the remaining errors were read "
          "by kind, and feminine pronouns had 20 rows whose right name was no candidate at all "
          "(masculine 8), mostly because a wrong merge or an earlier wrong pronoun had given "
          "the woman a man's gender. Four pipeline rules, each measured on this split with the "
          "model (and rules) path: a nickname or maiden name inside a name keeps the name whole "
          "(0.7970 -> 0.7974, one row; rules 0.714 unchanged); the second of two coordinated "
          "verbs shares the first one's subject for binding (-> 0.7993; rules 0.718); a role "
          "phrase closing a fronted prepositional phrase is no apposition (-> 0.7999; rules "
          "0.719); a surname alone whose own clause gives it a pronoun of the other gender is "
          "not the man named in full (-> 0.8019, feminine F1 0.787 -> 0.793, bias 0.978; rules "
          "0.720). Then three more: a possessive is never the person its own phrase names "
          "(\"her lawyer, Kit Sorel\"), a fronted purpose clause's object is no apposition "
          "either, and \"X, Jr.\" with its comma is a name apart from X (-> 0.8025, bias 0.980; "
          "rules 0.722). The margin over 0.80 is about five of the 2,000 pronoun-name pairs, so "
          "the held-back test split may land either side of it. Tried and left out: letting a "
          "person whose gender came only from resolved pronouns stay a candidate for the other "
          "gender (0.7968)."]

    n = section(L, "Name pairs: names/pairs_dev.tsv", "names", "python benchmarks/names.py")
    table(L, ["system", "P", "R", "F1", "ROC-AUC"],
          [["newsgraph match-names"] + [f(n.get(f"ours_{m}")) for m in ("p", "r", "f1", "auc")],
           ["rapidfuzz ratio >= 85"] + [f(n.get(f"rapidfuzz85_{m}")) for m in ("p", "r", "f1", "auc")]])
    kinds_n = sorted({k[len("kind_"):-len("_ours")] for k in n if k.startswith("kind_") and k.endswith("_ours")})
    if kinds_n:
        L += ["", "Share judged SAME by kind (positives want 1, negatives 0):", ""]
        table(L, ["kind", "newsgraph", "rapidfuzz"],
              [[k, f(n.get(f"kind_{k}_ours")), f(n.get(f"kind_{k}_peer"))] for k in kinds_n])
    L += ["", f"- Issue 5: precision >= 0.95 with recall >= 0.85: {met(n.get('ours_p'), 0.95)} / "
          f"{met(n.get('ours_r'), 0.85)}. Pairs covered by a lexicon row: "
          f"{f(n.get('lexicon_covered_positive_share'))} of positives; without them P "
          f"{f(n.get('ours_without_lexicon_pairs_p'))}, R {f(n.get('ours_without_lexicon_pairs_r'))}."]

    m = section(L, "Cross-document coreference: MEANTIME airbus + apple", "meantime_coref",
                "python benchmarks/meantime_coref.py")
    table(L, ["items", "newsgraph MUC F1", "B3 F1", "avg", "identical names avg"],
          [[sl, f(m.get(f"both_{sl}_ours_muc_f1")), f(m.get(f"both_{sl}_ours_b3_f1")),
            f(m.get(f"both_{sl}_ours_avg")), f(m.get(f"both_{sl}_baseline_avg"))] for sl in ("ent", "all", "per")])
    L += ["", "Gold entity mentions, grouped in each document by their gold links: this measures the"
          " cross-article linking alone (`ent`: in-document entities as items; `all`: every mention;"
          " `per`: people only). The identical-names baseline scores higher here than the issue's 0.55,"
          " which was likely measured on system mentions.",
          f"- Issue 5: average >= 0.70: {met(m.get('both_ent_ours_avg'), 0.70)} (entity items)."]

    s = section(L, "Cross-document resolution at scale (synthetic people)", "crossdoc_scale",
                "python benchmarks/crossdoc_scale.py")
    table(L, ["people", "mentions", "seconds", "us per mention", "comparisons per mention", "pair P", "pair R", "peak MB"],
          [[str(int(s.get(f"n{k}_people", 0))), str(int(s.get(f"n{k}_mentions", 0))), f(s.get(f"n{k}_seconds"), 1),
            f(s.get(f"n{k}_us_per_mention"), 0), f(s.get(f"n{k}_comparisons_per_mention"), 2),
            f(s.get(f"n{k}_pair_precision")), f(s.get(f"n{k}_pair_recall")), f(s.get(f"n{k}_peak_rss_mb"), 0)]
           for k in (10000, 100000)])
    L += ["", f"Time grows {f(s.get('time_growth_vs_linear'), 2)}x faster than linear from 10k to 100k people"
          f" ({f(s.get('time_growth_vs_linear_nogc'), 2)}x with Python's garbage collector off)."]

    ig = section(L, "Ingest: news corpus (199 articles) into a fresh store", "ingest_corpus",
                 "python benchmarks/ingest_corpus.py")
    table(L, ["figure", "value"], [
        ["articles, words", f"{int(ig.get('articles', 0))}, {int(ig.get('words', 0))}"],
        ["first ingest, seconds (articles/s)",
         f"{f(ig.get('seconds'), 1)} ({f(ig.get('articles_per_s'), 2)})"],
        ["of which extraction / storing and linking, seconds",
         f"{f(ig.get('extract_seconds'), 1)} / {f(ig.get('store_seconds'), 1)}"],
        ["storing and linking, ms per article", f(ig.get("store_ms_per_article"), 0)],
        ["people stored (entities of all types)",
         f"{int(ig.get('people', 0))} ({int(ig.get('entities', 0))})"],
        ["people named in more than one article", str(int(ig.get("cross_article_people", 0)))],
        ["store on disk, MB", f(ig.get("db_mb"), 1)],
        ["second ingest of the same articles: unchanged / changed",
         f"{int(ig.get('second_unchanged', 0))} / {int(ig.get('second_changed', 0))}"],
        ["peak memory (RSS), MB", f(ig.get("peak_rss_mb"), 0)],
    ])
    scorer = "the coref extra's learned pronoun scorer" if ig.get("pronoun_model") else "pronouns by rules"
    L += ["", f"- Issue 5 (scale): what `newsgraph ingest` does, with the default engine ({scorer}). "
          "How linking time grows with the number of stored people is the synthetic benchmark "
          f"above. The second ingest takes {f(ig.get('second_seconds'), 1)} s: an article whose "
          "content is stored already is not extracted again."]

    ev = section(L, "Events: MEANTIME airbus + apple", "meantime_events", "python benchmarks/meantime_events.py")
    table(L, ["sentences scored", "system", "trigger P", "trigger R", "trigger F1", "noun trigger R",
              "Arg0/Arg1 P", "Arg0/Arg1 R", "Arg0/Arg1 F1"],
          [["annotated", "newsgraph"] + [f(ev.get(k)) for k in ("trigger_p", "trigger_r", "trigger_f1", "noun_trigger_r",
                                                                 "participant_p", "participant_r", "participant_f1")],
           ["annotated", "every verb (peer)"] + [f(ev.get("peer_" + k)) for k in (
               "trigger_p", "trigger_r", "trigger_f1", "noun_trigger_r", "participant_p", "participant_r", "participant_f1")],
           ["any markable", "newsgraph"] + [f(ev.get("any_newsgraph_" + k)) for k in (
               "trigger_p", "trigger_r", "trigger_f1", "noun_trigger_r", "participant_p", "participant_r", "participant_f1")],
           ["any markable", "every verb (peer)"] + [f(ev.get("any_peer_" + k)) for k in (
               "trigger_p", "trigger_r", "trigger_f1", "noun_trigger_r", "participant_p", "participant_r", "participant_f1")]])
    L += ["", "\"annotated\" = sentences holding a markable of MEANTIME's full annotation (title and about the first"
          " five sentences, per its guidelines); \"any markable\" also counts later sentences that carry only a few"
          " linked mentions, where most real events are unannotated and every system's precision drops.",
          f"- Issue 6: trigger F1 >= 0.80: {met(ev.get('trigger_f1'), 0.80)}; Arg0/Arg1 F1 >= 0.65: "
          f"{met(ev.get('participant_f1'), 0.65)} (annotated sentences)."]

    cs = section(L, "Claims, relations, statuses: the fictional claims set", "claims_set",
                 "python benchmarks/claims_set.py -v")
    table(L, ["figure", "value"], [[k, f(v)] for k, v in sorted(cs.items())])

    tp = section(L, "Throughput: news corpus (199 articles)", "throughput", "python benchmarks/throughput.py")
    table(L, ["figure", "value"],
          [["bare spaCy nlp.pipe, words/s", f(tp.get("bare_wps"))], ["newsgraph extract, words/s", f(tp.get("newsgraph_wps"))],
           ["ratio newsgraph / bare", f(tp.get("ratio"))], ["peak memory, MB", f(tp.get("peak_mb"))]] +
          [[f"share of time: {k[6:]}", f(v)] for k, v in sorted(tp.items())
           if k.startswith("share_") and k != "share_people_model"])
    L += ["", f"- Issue 2: ratio >= 0.7: {met(tp.get('ratio'), 0.7)}. Both run in one process on the same texts,"
          " interleaved, best of two rounds; `ratio` is the default install (pronouns by rules)."]
    if tp.get("ratio_model") is not None:
        L += [f"- With the pronoun model (coref extra), timed in the same interleaved rounds, best "
              f"round: ratio {f(tp.get('ratio_model'))}, people stage "
              f"{f(tp.get('share_people_model'))} of extraction time. Peak memory is the process's "
              "with both engines loaded."]
    lowered = json.loads((HERE / "baseline.json").read_text()).get("lowered", [])
    if lowered:
        L += ["", "## Floors lowered", "",
              "Every floor `eval_gate.py` ever lowered, with the reason recorded in "
              "`benchmarks/baseline.json`:", ""]
        L += [f"- {x['at']}: `{x['metric']}` {x['from']} -> {x['to']}. {x['reason']}" for x in lowered]
    DOC.write_text("\n".join(L) + "\n")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
