"""Build the bundled sample corpus `timeline/samples/` from the shared development data.

Converts the 30 tokenized Wikinews TimeML articles of the SemEval-2015 Task 4 trial data into
readable text files with YAML front matter (title, published = the DCT, source, url when the
file name carries the full title), and copies the Reuters seed article. Run from the repo root:

    python scripts/build_samples.py [--shared ../shared]

The output is committed; re-running it must give the same files.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "timeline" / "samples"
SEED = "reuters-2020-01-06-iraq-letter.txt"
TRIAL = Path("data/semeval2015-task4-trial/documents")

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "n't"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "/"}
CLITICS = {"'s", "'re", "'ve", "'ll", "'d", "'m", "'t"}
# " - " between these words was a hyphen in the original, not a dash (checked by hand).
HYPHENATED = {("Wal", "Mart"), ("Macintosh", "curious"), ("iTunes", "compatible")}


def detokenize_sentences(sentences: list[list[str]]) -> list[str]:
    """Readable sentences from token lists; quote state carries across sentences."""
    state = {'"': False, "'": False}
    return [_detokenize(tokens, state) for tokens in sentences]


def _detokenize(tokens: list[str], state: dict[str, bool]) -> str:
    """One sentence: no space before punctuation, quotes attached, clitics joined."""
    out = ""
    glue_next = True  # no space before the next token
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        glue_left = tok in NO_SPACE_BEFORE
        glue_right = tok in NO_SPACE_AFTER or tok.endswith("$")  # US$ 299 -> US$299
        if tok == "'" and nxt in {"s", "re", "ve", "ll", "d", "m", "t"}:
            tok, glue_left = "'" + nxt, True
            i += 1
        elif tok in CLITICS or (tok.startswith("'") and prev == "O"):
            glue_left = True
        elif tok == "-" and (prev, nxt) in HYPHENATED:
            glue_left = glue_right = True
        elif tok == "/":
            glue_left = True
        elif tok == '"':
            if not state['"'] and re.fullmatch(r"\d+(\.\d+)?", prev):
                glue_left = True  # inches: 13.3" widescreen
            else:
                state['"'] = not state['"']
                glue_left, glue_right = not state['"'], state['"']
        elif tok in {"'", "`"}:
            if tok == "'" and not state["'"] and prev.endswith("s"):
                glue_left = True  # plural possessive: Beatles'
            else:
                state["'"] = not state["'"]
                glue_left, glue_right = not state["'"], state["'"]
            tok = "'"
        elif tok.startswith("'") and len(tok) > 1 and tok[1].isalpha() and tok not in CLITICS:
            state["'"] = True  # 'switch' opens a quote inside one token
        out += tok if (glue_next or glue_left or not out) else " " + tok
        glue_next = glue_right
        i += 1
    return out.strip()


def tokens_of(text: str) -> list[str]:
    """The tokens of a tokenized sentence (space separated)."""
    return text.split()


def article_of(path: Path) -> dict:
    """Title, DCT and readable sentences of one trial TimeML file."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")
    sentences = [tokens_of("".join(s.itertext())) for s in root.iter("s")]
    title_tokens = tokens_of(root.findtext("EXTRAINFO") or "")
    title, *lines = detokenize_sentences([title_tokens, *sentences])
    return {"docid": root.findtext("DOCID"), "dct": dct, "title": title, "lines": lines}


def url_of(path: Path, title: str) -> str:
    """The Wikinews URL when the file name carries the full title (`10718_Apple_to_lower…`)."""
    name = re.sub(r"^\d+_", "", path.stem)
    if name == path.stem or name.replace("_", " ") != title:
        return ""
    return "https://en.wikinews.org/wiki/" + name


def slug(title: str, limit: int = 60) -> str:
    """A lowercase, hyphenated file-name form of a title, cut at a word boundary."""
    words = re.findall(r"[a-z0-9]+", title.lower().replace("'", ""))
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sample_text(article: dict, url: str) -> str:
    """The sample file: front matter, the date line, then one sentence per line."""
    front = [
        "---",
        f"title: {yaml_string(article['title'])}",
        "source: Wikinews",
        f"published: {article['dct']}",
    ]
    if url:
        front.append(f"url: {url}")
    front += [f"semeval_docid: {yaml_string(article['docid'])}", "---"]
    date_line, *body = article["lines"]
    return "\n".join([*front, date_line, "", *body]) + "\n"


def build(shared: Path) -> list[Path]:
    """Write every sample file into `timeline/samples/`; the paths written."""
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("wikinews-*.txt"):
        old.unlink()
    written = [OUT / SEED]
    shutil.copyfile(shared / "samples" / SEED, written[0])
    for path in sorted((shared / TRIAL).glob("*.tml")):
        article = article_of(path)
        target = OUT / f"wikinews-{article['dct']}-{slug(article['title'])}.txt"
        target.write_text(sample_text(article, url_of(path, article["title"])), encoding="utf-8")
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    for path in build(args.shared):
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
