"""The text layer: sentences as news writes them (abbreviations, names written small first, prices,
hard-wrapped paragraphs, one sentence per line), on the seed article and on hand-made cases."""

from __future__ import annotations

from pathlib import Path

from timeline.readers import read_inputs
from timeline.text import MAX_SENTENCE, Text, sentence_spans

SEED = Path(__file__).parent.parent / "timeline" / "samples" / "reuters-2020-01-06-iraq-letter.txt"


def read(path: Path):
    [doc] = list(read_inputs(path))
    return doc


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_end_at_full_stops_but_not_after_abbreviations():
    text = read(SEED).text
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert (
        "“I send drafts all over Washington D.C. that aren’t signed to get people’s input and feedback,” Milley said."
        in sentences
    )
    assert any(s.endswith("for air movements, etc.") for s in sentences)
    assert (
        "Then it went from that guy’s hands to another guy’s hands and then it went to your hands."
        in sentences
    )
    assert any(s.startswith("FILE PHOTO: U.S. Army General Mark Milley is seen") for s in sentences)
    assert "REUTERS/Tom Brenner" in sentences  # the photo credit is not glued to the caption


def test_sentence_spans_are_trimmed_and_index_the_text():
    text = read(SEED).text
    for start, end in sentence_spans(text):
        assert text[start:end] == text[start:end].strip() != ""


def test_abbreviated_titles_and_months_do_not_end_sentences():
    text = "Gen. Milley spoke on Dec. 29 in the U.S. The next day he left."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Gen. Milley spoke on Dec. 29 in the U.S.",
        "The next day he left.",
    ]


def test_hard_wrapped_lines_join_but_one_sentence_per_line_stays_apart():
    text = "The council met on Monday to\napprove the budget.\nIt adjourned on Tuesday"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The council met on Monday to\napprove the budget.",
        "It adjourned on Tuesday",
    ]


def test_a_name_written_small_first_starts_a_sentence():
    text = "It goes live on July 1. iPhone 4 will be available in five countries."
    assert sentences(text) == [
        "It goes live on July 1.",
        "iPhone 4 will be available in five countries.",
    ]


def test_a_price_before_the_full_stop_ends_the_sentence():
    text = "Shares rose 1.2% to $140.50. Britain remains its largest market."
    assert sentences(text) == [
        "Shares rose 1.2% to $140.50.",
        "Britain remains its largest market.",
    ]


WRAPPED = (
    "Apple is the producer of the world's most-sold MP3 player, the iPod,\n"
    "and launched the iTunes Music Store, an online music store, on April\n"
    "28, 2003. Since its launch the store has sold more than 3 billion\n"
    "songs. The store was renamed to iTunes Store in 2006.\n"
)


def test_a_hard_wrapped_paragraph_is_split_at_its_sentences_not_its_lines():
    assert sentences(WRAPPED) == [
        "Apple is the producer of the world's most-sold MP3 player, the iPod,\nand launched the "
        "iTunes Music Store, an online music store, on April\n28, 2003.",
        "Since its launch the store has sold more than 3 billion\nsongs.",
        "The store was renamed to iTunes Store in 2006.",
    ]


def test_a_headline_and_list_items_stay_lines_of_their_own():
    text = (
        "Council approves budget\n"
        "The council met on Monday to approve the budget for the coming year and\n"
        "agreed to meet again before the spring to review the spending plans\n"
        "of every department in the city, its mayor said on Tuesday evening.\n"
        "- Rates rise by 2 percent next year and by 3 percent the year after\n"
        "- Parking fees stay as they are until the next review in the spring\n"
    )
    assert sentences(text) == [
        "Council approves budget",
        "The council met on Monday to approve the budget for the coming year and\nagreed to meet "
        "again before the spring to review the spending plans\nof every department in the city, "
        "its mayor said on Tuesday evening.",
        "- Rates rise by 2 percent next year and by 3 percent the year after",
        "- Parking fees stay as they are until the next review in the spring",
    ]


def test_one_sentence_per_line_is_kept_as_written():
    text = "Apple launched the store .\nIt sold 3 billion songs .\nThe store was renamed in 2006 ."
    assert sentences(text) == text.split("\n")


def test_a_position_is_found_in_its_sentence_and_between_sentences_in_the_gap():
    text = "One ends here.  Two starts here."
    analysed = Text(text)
    assert analysed.sentence_at(0) == (0, 14)
    assert analysed.sentence_at(20) == (16, 32)
    assert analysed.sentence_at(14) == (14, 16)  # the spaces between them


def test_an_overlong_sentence_is_cut_at_clause_breaks_into_bounded_pieces():
    clauses = [f"item {i} was approved on Friday" for i in range(400)]
    text = "The council met, " + ", ".join(clauses) + "."
    pieces = sentence_spans(text)
    assert len(pieces) > 1 and all(e - s <= MAX_SENTENCE for s, e in pieces)
    assert all(text[e - 1] == "," for _, e in pieces[:-1])  # each cut at a clause break
    assert " ".join(text[s:e] for s, e in pieces) == text  # nothing lost, nothing doubled
