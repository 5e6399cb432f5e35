"""Each page's language (declared, else detected) and what it changes: the readability
formula, the rules whose word lists or word counts cannot read it (issue 26)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seolint.document import language, prose
from seolint.document.hyphenation import syllable_counts
from seolint.document.language import detect, language_tag, page_language
from seolint.document.views import words_of
from tests.conftest import ROOT, codes_at, doc_of, lint

GLOSSARY = ROOT.parent / "shared" / "sites" / "hugo-glossary" / "content"

# Texts written for these tests: short sentences of three words or more, no digits or
# abbreviations, so that textstat cuts sentences and words exactly where seolint does.
TEXTS = {
    "de": (
        "Der Hund läuft schnell über die grüne Wiese. Die Katze schläft ruhig auf dem alten Sofa. "
        "Wir trinken am Abend gerne einen warmen Tee. Die Verwaltungsvorschriften der "
        "Bundesbehörde erfordern umfangreiche Dokumentationspflichten."
    ),
    "es": (
        "El perro corre rápido por el parque verde. La gata duerme tranquila en el sofá viejo. "
        "Por la tarde tomamos un té caliente. La administración pública exige documentación "
        "extraordinariamente detallada."
    ),
    "fr": (
        "Le chien court vite dans le parc vert. La chatte dort tranquillement sur le vieux canapé. "
        "Le soir nous buvons un thé chaud. Les réglementations administratives exigent une "
        "documentation particulièrement détaillée."
    ),
    "it": (
        "Il cane corre veloce nel parco verde. La gatta dorme tranquilla sul vecchio divano. "
        "La sera beviamo un tè caldo. Le amministrazioni pubbliche richiedono documentazioni "
        "particolarmente dettagliate."
    ),
    "nl": (
        "De hond rent snel door het groene park. De kat slaapt rustig op de oude bank. "
        "Wij drinken graag warme thee in de avond. De overheidsinstanties vereisen uitgebreide "
        "documentatieverplichtingen."
    ),
    "ru": (
        "Собака быстро бежит по зелёному парку. Кошка спокойно спит на старом диване. "
        "Вечером мы пьём горячий чай. Государственные учреждения требуют чрезвычайно подробной "
        "документации."
    ),
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_reading_ease_is_textstats_for_the_same_text(code: str) -> None:
    import textstat

    textstat.set_lang(code)
    try:
        expected = textstat.flesch_reading_ease(TEXTS[code])
    finally:
        textstat.set_lang("en_US")  # textstat's own default
    assert prose.reading_ease(doc_of(TEXTS[code]).views, code) == pytest.approx(expected)


def test_german_grade_is_textstats_wiener_sachtextformel() -> None:
    import textstat

    textstat.set_lang("de")
    try:
        expected = textstat.wiener_sachtextformel(TEXTS["de"], 1)
    finally:
        textstat.set_lang("en_US")  # textstat's own default
    assert prose.grade(doc_of(TEXTS["de"]).views, "de") == pytest.approx(expected)


def test_languages_without_a_formula_are_not_scored() -> None:
    views = doc_of(TEXTS["de"]).views
    assert prose.reading_ease(views, "ja") is None and prose.grade(views, "es") is None


@pytest.mark.parametrize("code", ["de", "es", "fr", "it", "nl", "ru", "hu", "pt"])
def test_syllables_are_textstats(code: str) -> None:
    import textstat

    words = [w.lower() for text in TEXTS.values() for w in words_of(text)]
    if GLOSSARY.is_dir():  # the glossary's own words, hyphenated ones too, read in place
        folder = GLOSSARY / ("pt-br" if code == "pt" else code)
        for path in sorted(folder.glob("*.md"))[:20] if folder.is_dir() else []:
            words += [w.lower() for w in words_of(path.read_text(encoding="utf-8"))]
    textstat.set_lang(code)
    try:
        expected = [textstat.syllable_count(w) for w in words]
    finally:
        textstat.set_lang("en_US")  # textstat's own default
    assert syllable_counts(words, code) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("de", "de"),
        ("pt-BR", "pt"),
        ("de_DE.UTF-8", "de"),
        ("zh-Hant-TW", "zh"),
        ("EN", "en"),
        ("German", None),
    ],
)
def test_language_tags(value: str, code: str | None) -> None:
    assert language_tag(value) == code


def test_declared_language_wins_in_order() -> None:
    front = doc_of("---\nlocale: fr_FR\n---\n\n" + TEXTS["de"] + "\n")
    assert page_language(front, "it").code == "fr"  # front matter over the site
    assert page_language(doc_of(TEXTS["de"]), "it", "hugo: content/it").code == "it"  # the site over prose
    html = doc_of(f'<html lang="es-ES"><body><main><p>{TEXTS["de"]}</p></main></body></html>', "html")
    assert page_language(html).code == "es"  # markup over prose


@pytest.mark.parametrize(
    ("text", "code", "how"),
    [
        (
            "This is the kind of text that an English post has in it, and it reads as such. " * 3,
            "en",
            "function",
        ),
        (TEXTS["de"], "de", "fastText"),
        (TEXTS["ru"], "ru", "fastText"),
        ("これは日本語の文章です。かなと漢字が混ざっています。" * 6, "ja", "script"),
        ("이것은 한국어 문장입니다. 한글은 한국어만 씁니다. " * 6, "ko", "script"),
        ("这是一个中文句子。汉字没有假名。" * 10, "zh", "script"),
        ("Short text.", None, "unknown"),
    ],
)
def test_detection(text: str, code: str | None, how: str) -> None:
    found = detect(text)
    assert found.code == code and how in found.reason


def test_an_english_page_never_loads_the_model() -> None:
    script = (
        "import sys\n"
        "from tests.conftest import lint\n"
        "text = '# T\\n\\n' + 'This is the kind of text an English post has, and it reads as such. ' * 20\n"
        "lint(text)\n"
        "print('fasttext' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False"]


def test_the_model_is_loaded_once() -> None:
    detect(TEXTS["de"])
    detect(TEXTS["fr"])
    assert language._model.cache_info().currsize == 1


@pytest.mark.skipif(not GLOSSARY.is_dir(), reason="../shared/sites/hugo-glossary is absent")
def test_every_glossary_page_with_prose_is_detected_right() -> None:
    wrong = []
    for path in sorted(GLOSSARY.glob("*/*.md"))[::4]:  # a quarter of the pages, every language
        expected = path.parent.name.split("-")[0]
        found = detect(doc_of(path.read_text(encoding="utf-8")).views.text)
        if found.code is not None and found.code != expected:
            wrong.append((path.relative_to(GLOSSARY).as_posix(), found))
    assert wrong == []


# -- what the language changes ---------------------------------------------------------------


def test_a_german_page_gets_the_german_formula_and_no_english_word_lists() -> None:
    dense = "---\nlang: de\n---\n\n# T\n\n" + " ".join([TEXTS["de"].split(". ")[-1]] * 15) + "\n"
    found = lint(dense, select=("R001", "C001", "S001"))
    assert codes_at(found) == [(7, "R001")]
    assert "Flesch-Amstad" in found[0].message


def test_japanese_is_not_counted_in_words() -> None:
    text = "---\nlang: ja\n---\n\n# T\n\n" + "これは非常に長い文章です、" * 80 + "\n\n### Skipped level\n"
    assert codes_at(lint(text, select=("R003", "R004", "R001", "H003"))) == [(9, "H003")]


def test_vietnamese_syllables_are_not_counted_as_words() -> None:
    sentence = " ".join(["Khi một nhóm chịu trách nhiệm toàn bộ vòng đời"] * 8) + "."
    vietnamese = f"---\nlang: vi\n---\n\n# T\n\n{sentence}\n"
    assert lint(vietnamese, select=("R003",)) == []
    assert codes_at(lint(vietnamese.replace("lang: vi", "lang: id"), select=("R003",))) == [(7, "R003")]


def test_pack_phrases_run_in_their_own_language() -> None:
    spanish = "---\nlang: es\n---\n\n# T\n\nEspero que esto te ayude con tu proyecto.\n"
    assert codes_at(lint(spanish, select=("S003",))) == [(7, "S003")]
    english_phrase = "---\nlang: es\n---\n\n# T\n\nEl equipo dijo: I hope this helps.\n"
    assert lint(english_phrase, select=("S003",)) == []  # the English list does not read Spanish pages


def test_show_settings_says_why_a_rule_does_not_run(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    page = tmp_path / "seite.md"
    page.write_text("---\nlang: ja\n---\n\n# T\n\nこれは日本語です。\n", encoding="utf-8")
    out = run_cli(["check", "--show-settings", str(page)]).stdout
    assert "# language: ja (front matter `lang: ja`)" in out
    assert "# R003 does not run here: it counts words, and ja does not mark words with spaces" in out
    assert "# R001 does not run here: it reads de, en, es, fr, hu, it, nl, ru only; the page is ja" in out
