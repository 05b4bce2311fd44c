"""Entities of event headlines (`timeline.events.entities`): headlines and the names they give,
with kinds; the capitalised words that are no names; canonical names across a frame; and the
bundled samples, where a name picked from the table keeps its rows under `about`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

import timeline
from timeline.events import entities_of, entity_table
from timeline.events.about import about
from timeline.events.entities import KINDS, TABLE_COLUMNS

GOLD = Path(__file__).parent / "data" / "entities" / "headlines.yaml"


def frame_of(*headlines: str, doc: str = "article") -> pd.DataFrame:
    """An events frame of `headlines`, all rows of one article."""
    return pd.DataFrame({"doc_id": [doc] * len(headlines), "event": list(headlines)})


def named(*headlines: str) -> list[tuple[str, str]]:
    """The (name, kind) pairs the first headline gives, in a frame of all of them."""
    names = entities_of(frame_of(*headlines))
    kinds = names.attrs["kinds"]
    return [(name, kinds[name]) for name in names.iloc[0]]


# --- headlines and their names --------------------------------------------------------------------
PER, ORG, LOC, OTHER = "person", "organisation", "place", "other"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        pytest.param(
            "Apple CEO Steve Jobs unveiled the iPhone in San Francisco",
            [("Apple", ORG), ("Steve Jobs", PER), ("iPhone", OTHER), ("San Francisco", LOC)],
            id="title-between-company-and-person",
        ),
        pytest.param(
            "Iraqi caretaker Prime Minister Adel Abdul Mahdi told the U.S. ambassador",
            [("Adel Abdul Mahdi", PER), ("United States", LOC)],
            id="nationality-and-title-go-us-is-the-united-states",
        ),
        pytest.param(
            "U.S. Army General Mark Milley spoke at the Mar-a-Lago resort in Palm Beach, Florida",
            [
                ("U.S. Army", ORG),
                ("Mark Milley", PER),
                ("Mar-a-Lago", OTHER),
                ("Palm Beach", LOC),
                ("Florida", LOC),
            ],  # fmt: skip
            id="military-rank",
        ),
        pytest.param(
            "The trial began in the Royal Courts of Justice before Mr Justice Anthony Mann",
            [("Royal Courts of Justice", ORG), ("Anthony Mann", PER)],
            id="of-inside-a-name-title-words-inside-an-organisation",
        ),
        pytest.param(
            "Speaking for Apple Corps, manager Neil Aspinall said it would appeal",
            [("Apple Corps", ORG), ("Neil Aspinall", PER)],
            id="title-written-small",
        ),
        pytest.param(
            "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference",
            [
                ("Apple", ORG),
                ("iPhone 4", OTHER),
                ("iOS 4", OTHER),
                ("Worldwide Developers Conference", OTHER),
            ],
            id="model-numbers",
        ),
        pytest.param(
            "The iPhone 3GS's price will be cut, and the iPhone 3G will be discontinued",
            [("iPhone 3GS", OTHER), ("iPhone 3G", OTHER)],
            id="model-letters-possessive",
        ),
        pytest.param(
            "The release of Apple's iLife '11 software suite includes GarageBand",
            [("Apple", ORG), ("iLife '11", OTHER), ("GarageBand", OTHER)],
            id="apostrophe-year-camel-case",
        ),
        pytest.param(
            "Former Microsoft CEO Bill Gates responded with a statement",
            [("Microsoft", ORG), ("Bill Gates", PER)],
            id="qualifier-is-no-title",
        ),
        pytest.param(
            "The European Commission has forced Apple Inc. to cut its prices in the UK",
            [("European Commission", ORG), ("Apple Inc.", ORG), ("United Kingdom", LOC)],
            id="organisation-words",
        ),
        pytest.param(
            "Tensions between Washington and Tehran have heightened",
            [("Washington", LOC), ("Tehran", LOC)],
            id="gazetteer",
        ),
        pytest.param(
            "The Beatles' Apple Corps has filed a lawsuit against Apple Computer",
            [("Beatles", OTHER), ("Apple Corps", ORG), ("Apple Computer", ORG)],
            id="possessive-cuts-apple-computer-stays",
        ),
        pytest.param(
            "A statement was made by the American Speech Language Hearing Association",
            [("American Speech Language Hearing Association", ORG)],
            id="nationality-inside-an-organisation-name",
        ),
        pytest.param(
            "Pixar was acquired by The Walt Disney Company for $7.4 billion",
            [("Pixar", ORG), ("Walt Disney Company", ORG)],
            id="known-organisation-first-the-goes",
        ),
        pytest.param(
            "MOSCOW _ Presidents Leonid Kuchma of Ukraine and Boris Yeltsin signed a deal",
            [("MOSCOW", LOC), ("Leonid Kuchma", PER), ("Ukraine", LOC), ("Boris Yeltsin", PER)],
            id="of-a-place-cuts-plural-title",
        ),
        pytest.param(
            "U.S. Secretary of State Madeleine Albright praised Kenya and Tanzania",
            [
                ("United States", LOC),
                ("Madeleine Albright", PER),
                ("Kenya", LOC),
                ("Tanzania", LOC),
            ],  # fmt: skip
            id="title-of-title",
        ),
        pytest.param(
            "The study edits the Southern Poverty Law Center's report for the University of California",
            [("Southern Poverty Law Center", LOC), ("University of California", ORG)],
            id="regional-adjective-inside-a-name-of-keeps-an-organisation",
        ),
        pytest.param(
            "Conservatives in Congress filed for Chapter 11 on the OTC market",
            [("Congress", ORG)],
            id="known-generic-name-legal-and-market-terms",
        ),
        pytest.param(
            "It runs Mac OS X and plays content from Apple TV over Wi-Fi",
            [("Mac OS X", OTHER), ("Apple TV", OTHER), ("Wi-Fi", OTHER)],
            id="common-acronyms-inside-a-name",
        ),
    ],
)
def test_headlines_name_their_entities_with_kinds(headline, expected):
    assert named(headline) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Shares rose 5% in early trading",
        "Officials said the talks would resume",
        "Asked about the deal, he declined to comment",
        "Analysts expect a rebound",
        "December sales rose sharply",
        "Friday's vote was delayed",
        "In March, the company said it would cut jobs",
        "On Monday the board met",
        "However, the deal fell through",
        "The PC market shrank and CEO pay rose",
        "Iraqi officials met American diplomats",
        "Bombings killed more than 200 people, including 12 Americans",
        "He waited _ Tired of being sidelined, he left",
        "Films will retail for around $9.99 US dollars, or US $12",
        "A USB 1.1 cable and an LCD screen are included",
        "Intel-based machines sold well",
        "Podcasting is the hottest thing going",
        "We love the music",
        "He said: “Now it’s a kerfuffle”",
        "Christmas sales were strong",
        "Company officials said so",
    ],
)
def test_capitalised_words_that_are_no_names_name_nothing(headline):
    assert named(headline) == []


# --- the corpus-level check at the start of a headline -----------------------------------------
def test_a_word_starting_a_headline_is_a_name_when_the_frame_writes_it_capitalised_elsewhere():
    assert named("Papermaster did not comment") == []
    assert named("Papermaster did not comment", "Apple confirmed that Papermaster left") == [
        ("Papermaster", OTHER)
    ]


def test_a_last_word_confirms_a_surname_and_a_first_word_only_a_longer_name():
    assert named("Milley declined to say", "Army General Mark Milley spoke") == [
        ("Mark Milley", PER)
    ]
    # "Music" leads "Music Store" elsewhere: that confirms "Music Television", not "Music" alone
    store = "it was sold at the Library and Music Store"
    assert named("Music videos will be sold", store) == []
    assert named("Music Television will air it", store) == [("Music Television", ORG)]


def test_the_gazetteer_and_a_given_name_confirm_a_word_starting_a_headline():
    assert named("Iraq's parliament passed a resolution") == [("Iraq", LOC)]
    assert named("Microsoft declined to comment") == [("Microsoft", ORG)]
    assert named("Lewis Teperman, a doctor, said it was common") == [("Lewis Teperman", PER)]
    # no given name: the first word goes, and the rest is a name where it stands
    assert named("Stanley Teperman, a doctor, said it was common") == [("Teperman", OTHER)]


def test_a_failed_first_word_goes_and_the_rest_is_read_again():
    assert named("Shares of Apple Inc. rose US $5.41") == [("Apple Inc.", ORG)]
    assert named("Presiding Judge Martin Mann has stated that he owns an iPod") == [
        ("Martin Mann", PER),
        ("iPod", OTHER),
    ]


def test_after_a_colon_or_an_opening_quote_a_word_needs_the_check_too():
    assert named('Jobs said: "Great companies rarely go from strength to strength"') == []
    assert named('Jobs said: "We love the Beatles"', "He thanked Jobs") == [
        ("Jobs", OTHER),
        ("Beatles", OTHER),
    ]


def test_a_title_case_headline_names_only_what_is_confirmed_word_by_word():
    frame = frame_of(
        "Apple Shares Fall On Weak Demand",
        "Steve Jobs Unveils The iPhone In San Francisco",
        "Apple CEO Steve Jobs showed the iPhone",
        "Shares rose at Apple",
    )
    assert entities_of(frame).tolist() == [
        ["Apple"],
        ["Steve Jobs", "iPhone", "San Francisco"],
        ["Apple", "Steve Jobs", "iPhone"],
        ["Apple"],
    ]


# --- canonical names across the frame ---------------------------------------------------------------
def test_a_surname_is_the_full_name_its_article_gives():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "event": [
                "Apple CEO Steve Jobs unveiled the device",
                "He said that Jobs would return",
                "Microsoft CEO Steve Ballmer replied",
                "He said that Ballmer would stay",
            ],
        }
    )
    assert entities_of(frame).tolist() == [
        ["Apple", "Steve Jobs"],
        ["Steve Jobs"],
        ["Microsoft", "Steve Ballmer"],
        ["Steve Ballmer"],
    ]


def test_a_surname_is_resolved_within_its_article_only():
    # "Bush" in a 1990 article is not the "Jeb Bush" of another: no guess across articles
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "event": [
                "He met Governor Jeb Bush in Tallahassee",
                "He said Bush would run",
                "Reporters asked President Bush about Iraq",
            ],
        }
    )
    assert entities_of(frame).tolist() == [
        ["Jeb Bush", "Tallahassee"],
        ["Jeb Bush"],
        ["Bush", "Iraq"],
    ]


def test_a_middle_initial_is_part_of_a_full_name_its_surname_stands_for():
    frame = frame_of("He left Frank C. Clark in charge", "He said Clark would stay")
    assert entities_of(frame).tolist() == [["Frank C. Clark"], ["Frank C. Clark"]]


def test_a_word_that_leads_another_name_of_the_article_is_no_surname_of_a_third():
    frame = frame_of(
        "The boy Elian Gonzalez was found off Florida",
        "INS chief Doris Meissner Elian said it",  # a stretch run on past a missing comma
        "He said Elian wants his family here",
    )
    assert entities_of(frame).tolist()[2] == ["Elian"]


def test_a_one_word_form_of_no_person_stays_itself():
    names = entities_of(frame_of("Microsoft Longhorn is expected", "It ships before Longhorn"))
    assert names.tolist() == [["Microsoft Longhorn"], ["Longhorn"]]


def test_a_company_suffix_goes_when_the_frame_names_the_company_without_it():
    alone = entities_of(frame_of("Shares of Apple Inc. rose"))
    assert alone.tolist() == [["Apple Inc."]]
    both = pd.DataFrame(
        {"doc_id": ["a", "b"], "event": ["Shares of Apple Inc. rose", "It is sold by Apple"]}
    )
    assert entities_of(both).tolist() == [["Apple"], ["Apple"]]


def test_a_dotted_company_suffix_goes_too():
    frame = frame_of("It sold candy to Nestle S.A.'s Nestle Foods unit", "It went to Nestle")
    assert entities_of(frame).tolist() == [["Nestle", "Nestle Foods"], ["Nestle"]]


def test_plurals_and_aliases_are_one_name():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "event": [
                "Apple sold more iPhones in the US",
                "The iPhone went on sale in the U.S.",
                "It opened in the United States and Britain",
                "Sales in the UK rose",
            ],
        }
    )
    assert entities_of(frame).tolist() == [
        ["Apple", "iPhone", "United States"],
        ["iPhone", "United States"],
        ["United States", "United Kingdom"],
        ["United Kingdom"],
    ]


def test_rows_keep_the_frame_index_and_a_missing_headline_names_nothing():
    frame = pd.DataFrame(
        {"doc_id": ["a", "a"], "event": pd.array(["It went to Apple", None], dtype="string")},
        index=[7, 3],
    )
    names = entities_of(frame)
    assert names.index.tolist() == [7, 3]
    assert names.tolist() == [["Apple"], []]
    assert entities_of(frame.iloc[:0]).tolist() == []


# --- the table -------------------------------------------------------------------------------------
def test_the_table_counts_events_and_articles_most_events_first():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c"],
            "event": [
                "It went to Apple and Microsoft",
                "Apple CEO Steve Jobs spoke",
                "It was sold by Apple",
                "Analyst Shawn Wu said so",
            ],
        }
    )
    table = entity_table(frame)
    assert list(table.columns) == TABLE_COLUMNS
    rows = table[["name", "kind", "events", "articles"]].values.tolist()
    assert rows == [
        ["Apple", "organisation", 3, 2],
        ["Microsoft", "organisation", 1, 1],
        ["Shawn Wu", "person", 1, 1],
        ["Steve Jobs", "person", 1, 1],
    ]
    assert table.set_index("name").loc["Shawn Wu", "why"] == "title 'Analyst' before it"


def test_the_table_reads_names_given_without_their_kinds():
    frame = frame_of("It went to Apple", "He said Steve Jobs spoke")
    names = pd.Series(list(entities_of(frame)), index=frame.index)  # no attrs
    table = entity_table(frame, names)
    assert table.set_index("name")["kind"].to_dict() == {"Apple": "organisation", "Steve Jobs": PER}


def test_an_empty_frame_gives_an_empty_table():
    table = entity_table(frame_of())
    assert list(table.columns) == TABLE_COLUMNS
    assert table.empty


# --- about: the rows of one entity ------------------------------------------------------------------
def test_about_finds_an_alias_and_names_written_with_dots():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a"],
            "clause": [
                "the U.S. military said",
                "U.S. Army General Mark Milley spoke",
                "he left Timothy D. Cook in charge",
            ],
        }
    )
    frame["event"] = frame["clause"]
    texts = {"a": " ".join(frame["clause"])}
    assert about(frame, ["United States"], texts)["clause"].tolist() == frame["clause"][:2].tolist()
    assert about(frame, ["U.S. Army"], texts)["clause"].tolist() == [frame["clause"][1]]
    assert about(frame, ["Timothy D. Cook"], texts)["clause"].tolist() == [frame["clause"][2]]


# --- the bundled samples ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def samples() -> pd.DataFrame:
    return timeline.extract(quiet=True)


@pytest.fixture(scope="module")
def sample_names(samples) -> pd.Series:
    return entities_of(samples)


@pytest.fixture(scope="module")
def sample_table(samples, sample_names) -> pd.DataFrame:
    return entity_table(samples, sample_names).set_index("name")


def test_the_samples_name_apple_steve_jobs_the_beatles_and_the_iphone(sample_table):
    table = sample_table
    assert table.index[0] == "Apple"
    assert table.loc["Apple", "kind"] == "organisation"
    assert table.loc["Apple", "articles"] >= 25
    assert table.loc["Steve Jobs", "kind"] == "person"
    assert table.loc["Steve Jobs", "events"] >= 50
    assert table.loc["Steve Jobs", "articles"] >= 15
    assert table.loc["iPhone", "kind"] == "other"
    assert table.loc["iPhone", "events"] >= 30
    assert table.loc["Apple Corps", "kind"] == "organisation"
    assert 10 <= table.loc["Apple Corps", "events"] <= 30
    assert table.loc["Apple Corps", "articles"] >= 3
    assert table.loc["Beatles", "events"] >= 5
    assert table.loc["Mark Milley", "kind"] == "person"
    assert table.loc["Iraq", "kind"] == "place"
    assert table.loc["United States", "kind"] == "place"
    # variants collapsed: no "Apple Inc.", no bare surname of a full name the samples give
    for variant in ("Apple Inc.", "Apple Inc", "Jobs", "Milley", "Papermaster", "U.S.", "iPhones"):
        assert variant not in table.index


def test_the_samples_name_no_ordinary_capitalised_words(sample_table):
    never = {"The", "CEO", "It", "He", "On", "In", "Shares", "Officials", "Monday", "Friday",
             "January", "December", "Many", "Users", "Glitches", "Email", "Lawsuit", "Claims"}  # fmt: skip
    assert never.isdisjoint(sample_table.index)


def test_the_sample_table_is_sorted_and_counts_are_consistent(sample_table, samples, sample_names):
    assert set(sample_table["kind"]) <= set(KINDS)
    assert sample_table["events"].is_monotonic_decreasing
    assert (sample_table["articles"] <= sample_table["events"]).all()
    assert sample_table["events"].sum() == sum(len(ns) for ns in sample_names)
    assert all(len(ns) == len(set(ns)) for ns in sample_names)


def test_about_keeps_every_row_the_table_counts_for_the_top_entities(samples, sample_names):
    articles = timeline.articles(samples)
    texts = dict(zip(articles["doc_id"], articles["text"], strict=True))
    rows = samples.assign(_row=range(len(samples)))
    top = entity_table(samples, sample_names)["name"].head(30)
    for name in top:
        counted = {i for i, names in enumerate(sample_names) if name in names}
        kept = set(about(rows, [name], texts)["_row"])
        assert counted <= kept, name
        assert len(counted) >= 4, name


# --- the labelled headlines (dev data, tests/data/entities) ----------------------------------------
def test_the_labelled_headlines_score_above_their_floors(samples, sample_names):
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    kinds = sample_names.attrs["kinds"]
    by_row = dict(
        zip(zip(samples["doc_id"], samples["event"], strict=True), sample_names, strict=True)
    )
    present = [g for g in gold if (g["doc_id"], g["headline"]) in by_row]
    assert len(present) >= 0.9 * len(gold)  # the events stage still gives these headlines
    found = labelled = true = right_kind = 0
    for entry in present:
        expected = dict(entry["entities"])
        got = by_row[entry["doc_id"], entry["headline"]]
        found, labelled = found + len(got), labelled + len(expected)
        hits = [name for name in got if name in expected]
        true += len(hits)
        right_kind += sum(kinds[name] == expected[name] for name in hits)
    assert true / found >= 0.9  # precision (0.97 when written)
    assert true / labelled >= 0.9  # recall (0.95 when written)
    assert right_kind / true >= 0.9  # kind accuracy (0.99 when written)
