"""Leftover words in other languages than English (seolint/checks/leftover_languages.toml):
metadata labels (S005), outline markers named in words (H006), the assistant's framing
(S007) and fill-ins (S002), each with a hit, a near miss that must stay quiet, and how the
page's language decides where a fill-in counts."""

from __future__ import annotations

import pytest

from tests.conftest import codes_at, lint

EN = (
    "Retries hide slow dependencies until the day they all time out together, and then the "
    "whole fleet waits on one socket.\n"
)
FR = (
    "Les expressions régulières font peur parce qu'on les lit d'un bloc, alors qu'elles se "
    "lisent très bien morceau par morceau.\n"
)
PARAGRAPHS = (EN + "\n") * 4  # four blocks: what stands between them is no edge of the draft
ZH = "写技术文章之前先列大纲，可以避免写到一半才发现结构不对，也能让同事更快地给出修改意见。\n"


def _lines(text: str, code: str, fmt: str = "markdown") -> list[int]:
    return [line for line, found in codes_at(lint(text, fmt, (code,))) if found == code]  # type: ignore[arg-type]


# -- S005: metadata labels -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "fmt"),
    [
        ("**元描述：** Learn how the autoscaler picks replica counts.", "markdown"),  # full-width colon
        ("关键词：kubernetes hpa", "markdown"),
        ("Temps de lecture : 5 minutes", "text"),  # French space before the colon
        ("**Mot-clé principal :** git bisect", "markdown"),
        ("<p><strong>Meta-Beschreibung:</strong> Renew certificates with ACME.</p>", "html"),
        ("メタディスクリプション：Go のジェネリクスを解説します。", "markdown"),
        ("**Время чтения:** 6 минут", "markdown"),
        ("**Palavra-chave principal:** terraform modules", "markdown"),
    ],
)
def test_metadata_labels_in_other_languages(label: str, fmt: str) -> None:
    text = f"{label}\n<h1>Title</h1>\n<p>{EN}</p>\n" if fmt == "html" else f"{label}\n\n# Title\n\n{EN}"
    assert _lines(text, "S005", fmt) == [1]


@pytest.mark.parametrize(
    "text",
    [
        # A post about SEO explains its keys in German: the value is an explanation.
        f"# Keywords\n\n{EN}\n**Fokus-Keyword:** die Phrase, für die der Beitrag ranken soll.\n\n{EN}",
        # A Chinese post's own "keyword" advice in its middle, its prose counted in characters.
        f"# 如何写大纲\n\n{ZH}\n关键词：标题要包含读者会搜索的词，但不要堆砌。\n\n{ZH}",
        # A post's own note and example keys.
        f"# Regex\n\n{FR}\nRemarque : les exemples sont en Python.\n\nExemple : `[a-z]+` lit un mot.\n\n{FR}",
        f"# Docker\n\n{ZH}\n注意：この記事の手順は Docker Compose v2 を前提にしています。\n\n{ZH}",
    ],
)
def test_what_is_not_a_metadata_label_in_other_languages(text: str) -> None:
    assert _lines(text, "S005") == []


# -- H006: outline markers named in words -----------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "Titre H2 : ",
        "Überschrift 2: ",
        "二级标题：",
        "見出し2：",
        "Nagłówek H2: ",
        "Заголовок H2: ",
        "H2 제목: ",
    ],
)
def test_outline_markers_named_in_words(marker: str) -> None:
    text = f"# Title\n\n{EN}\n## {marker}How it works\n\n{EN}\n{marker}Why it matters\n\n{EN}"
    assert _lines(text, "H006") == [5, 9]


@pytest.mark.parametrize(
    "line",
    [
        "## 一级标题和二级标题怎么分",  # a post about outlines names the levels
        "Titre : un groupe nommé s'écrit `(?P<titre>...)`.",  # a key without a level
        "Kapitel 2 beginnt mit einem Beispiel.",
        "二级：严重故障，需要在一小时内处理。",  # a severity level, not a heading's
    ],
)
def test_what_is_not_an_outline_marker_in_other_languages(line: str) -> None:
    assert _lines(f"# Title\n\n{EN}\n{line}\n\n{EN}", "H006") == []


# -- S007: the assistant's framing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Bien sûr ! Voici un article de blog optimisé pour le SEO.", "top"),
        ("当然可以！下面是一篇关于 Kubernetes HPA 的博客文章。", "top"),
        ("Gerne! Hier ist ein SEO-optimierter Blogartikel über TLS.", "top"),
        ("Soll ich noch einen Abschnitt zu Kubernetes hinzufügen?", "bottom"),
        ("¿Quieres que añada una sección sobre TaskGroup?", "bottom"),
        ("Daj znać, jeśli ton ma być bardziej formalny.", "bottom"),
        ("需要我再写一个关于 VPA 的版本吗？", "bottom"),
        ("Recuerda verificar los datos de latencia antes de publicar.", "bottom"),
        ("※公開前に計測値を必ずご確認ください。", "bottom"),
        ("En tant qu'IA, je ne peux pas vérifier ces chiffres.", "middle"),
    ],
)
def test_the_assistants_framing_in_other_languages(sentence: str, where: str) -> None:
    body = f"# Title\n\n{EN}\n{EN}\n{EN}\n{EN}\n{EN}\n{EN}"
    text = {
        "top": f"{sentence}\n\n{body}",
        "bottom": f"{body}\n{sentence}\n",
        "middle": f"# Title\n\n{EN}\n{EN}\n{EN}\n{sentence}\n\n{EN}\n{EN}\n{EN}",
    }[where]
    line = text.splitlines().index(sentence) + 1
    assert set(_lines(text, "S007")) == {line}  # "Gerne!" and "Hier ist ...": both the assistant's


@pytest.mark.parametrize(
    "text",
    [
        # A French post's own ending invites its readers, naming no part of a draft.
        f"# Regex\n\n{FR}\nN'hésitez pas à me dire en commentaire ce que vous en pensez !\n",
        # A Portuguese post's sign-off hopes the article helps its readers.
        "# Cache\n\nUm cabeçalho errado pode fazer o navegador guardar uma página por um ano inteiro.\n\n"
        "Espero que este artigo tenha sido útil!\n",
        # A German post's step checks the certificate, not the draft's facts.
        f"# TLS\n\n{EN}\nPrüfe das Zertifikat mit openssl, bevor du den Dienst neu startest.\n",
        # "Soll ich ...?" in the middle of a post, asked of itself.
        f"# Title\n\n{PARAGRAPHS}Soll ich den Cache leeren? Nein, erst die Logs lesen.\n\n{PARAGRAPHS}",
        # An answer opening in a quotation is someone else's words.
        f"# Title\n\n> Bien sûr ! Voici un article de blog sur les regex.\n\n{EN}",
    ],
)
def test_what_is_not_the_assistants_framing_in_other_languages(text: str) -> None:
    assert _lines(text, "S007") == []


# -- S002: fill-ins --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "In our service this cut tail latency by [por completar].",
        "Give each flag an owner (do uzupełnienia: przykład z LaunchDarkly).",
        "Scaling on queue depth cut p95 latency by 待补充%.",
        "待补充：加一张示意图",
        "The binary is smaller. (要確認：バイナリサイズ)",
        "Traffic dropped by [inserir porcentagem].",
        "Lag grows per partition. [вставить график задержки]",
        "A full automated bisect took à compléter minutes.",  # an English page: anywhere
    ],
)
def test_fill_ins_in_other_languages(line: str) -> None:
    assert _lines(f"# Title\n\n{EN}\n{line}\n\n{EN}", "S002") == [5]


@pytest.mark.parametrize(
    "line",
    [
        # In a French page, "à compléter" outside brackets is the language's own words.
        "Remplissez le formulaire à compléter avant la réunion, puis envoyez-le à l'équipe.",
        "Le champ reste à compléter par l'administrateur (voir la section suivante).",
    ],
)
def test_a_fill_in_word_in_its_own_language_counts_only_in_brackets(line: str) -> None:
    page = FR * 3  # enough prose for the page to read as French
    assert _lines(f"# Formulaires\n\n{page}\n{line}\n\n{page}", "S002") == []
    assert _lines(f"# Formulaires\n\n{page}\n{line} [à compléter]\n\n{page}", "S002") == [7]


def test_the_rules_can_be_left_out() -> None:
    """None of the forms is reported when its rule is not selected."""
    text = f"**SEO 标题：** X\n\n# Title\n\n{EN}\n## 二级标题：How\n\n{EN}\n需要我再写一个版本吗？\n"
    assert {code for _, code in codes_at(lint(text, "markdown", ("S005", "H006", "S007")))} == {
        "S005",
        "H006",
        "S007",
    }
    assert "S005" not in {code for _, code in codes_at(lint(text, "markdown", ("L002",)))}


# -- S008: notes to the author (seolint/checks/language_notes.py) ---------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Nota per l'autore: controlla la versione di Redis usata nei test.",
        "**Hinweis für die Redaktion:** Absatz zwei ist noch zu lang.",
        "（建议配图：请求经过网关的时序图）",
        "(Imagen sugerida: el diagrama de las dos etapas)",
        "Sugerowana grafika: wykres opóźnień przed i po zmianie",
        "Здесь стоит добавить ссылку на документацию Kafka.",
        "Aquí podrías añadir un ejemplo con docker compose.",
        "N'oubliez pas de vérifier les durées citées dans l'article.",
        "반드시 본문의 수치를 확인해 주세요.",
        "ChatGPT può commettere errori. Considera di verificare le informazioni importanti.",
        "ChatGPT는 실수를 할 수 있습니다.",
    ],
)
def test_notes_to_the_author_in_other_languages(line: str) -> None:
    assert _lines(f"# Title\n\n{EN}\n{line}\n\n{EN}", "S008") == [5]


def test_a_note_in_brackets_inside_a_line_of_text() -> None:
    line = "Traffic halves at the edge. (Immagine suggerita: il grafico del traffico)"
    assert _lines(f"# Title\n\n{EN}\n{line}\n\n{EN}", "S008") == [5]


@pytest.mark.parametrize(
    "line",
    [
        "Nota: ALTER TABLE con un default costante è istantaneo da PostgreSQL 11.",  # the post's own
        "Hinweis: PgBouncer ist single-threaded.",
        "Tutaj warto dodać, że Rust sprawdza to w czasie kompilacji.",  # "worth adding that ...": prose
        "Denk daran, die Zahlen in deinem Board nach dem Sprint zu prüfen.",  # the reader's numbers
        "Ricorda di controllare i numeri di replica lag durante il riempimento.",
        "请确认你的数据库版本支持在线加列。",  # an instruction to the reader
        "Le modèle peut faire des erreurs si le prompt est ambigu.",  # a post about models
    ],
)
def test_what_is_not_a_note_to_the_author_in_other_languages(line: str) -> None:
    assert _lines(f"# Title\n\n{EN}\n{line}\n\n{EN}", "S008") == []


# -- S006: outline blocks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "items", "marker"),
    [
        ("Gliederung:", ["I. Einleitung", "II. Pooling-Modi", "III. Fazit"], "Beitrag:"),
        ("Plan de l'article :", ["1. Pourquoi", "2. Comment", "3. Conclusion"], "Article :"),
        ("大纲：", ["一、为什么", "二、怎么做", "三、总结"], "正文："),
        ("Plan wpisu:", ["a) Wstęp", "b) Reguły", "c) Podsumowanie"], "Wpis:"),
        ("構成案：", ["1. 導入", "2. 手順", "3. まとめ"], "本文："),
    ],
)
def test_outline_blocks_in_other_languages(head: str, items: list[str], marker: str) -> None:
    outline = "\n".join([head, *items])
    text = f"{outline}\n\n{marker}\n\n# Title\n\n{EN}\n{EN}"
    assert _lines(text, "S006") == [1]


@pytest.mark.parametrize(
    "text",
    [
        # A post about planning lists its plan under a "Plan" heading, after its own prose.
        f"# Sprintplanung\n\n{EN}\n## Gliederung\n\n1. Ziel\n2. Kapazität\n3. Tickets\n\nBeitrag:\n\n{EN}",
        # A plan word and a list at the top, with no draft marker and no Roman numerals.
        f"Schema:\n\n1. Aggiungere la colonna\n2. Riempirla\n3. Validare\n\n{EN}\n{EN}",
    ],
)
def test_what_is_not_an_outline_block_in_other_languages(text: str) -> None:
    assert _lines(text, "S006") == []


# -- H006 and S002: the level after a heading's word, the verb after the thing ---------------------


@pytest.mark.parametrize("marker", ["Subtítulo (H2): ", "Zwischenüberschrift (H2): ", "小标题（H2）："])
def test_a_heading_word_with_its_level_in_brackets(marker: str) -> None:
    text = f"# Title\n\n{EN}\n{marker}How it works\n\n{EN}\n{marker}Why it matters\n\n{EN}"
    assert _lines(text, "H006") == [5, 9]


@pytest.mark.parametrize(
    "line", ["[Screenshot einfügen: SHOW POOLS in der Konsole]", "【插入图片：两个客户端争抢同一把锁】"]
)
def test_an_instruction_with_its_verb_last_or_in_full_width_brackets(line: str) -> None:
    assert _lines(f"# Title\n\n{EN}\n{line}\n\n{EN}", "S002") == [5]


def test_a_bracketed_note_word_with_no_verb_of_adding_is_no_fill_in() -> None:
    assert _lines(f"# Title\n\n{EN}\nDer Wert [Standard: einfach] gilt für alle Pools.\n\n{EN}", "S002") == []


def test_the_notes_and_outlines_can_be_left_out() -> None:
    """S008 and S006 report the forms in other languages only when selected."""
    outline = "Gliederung:\nI. A\nII. B\nIII. C\n\nBeitrag:\n\n"
    text = f"{outline}# Title\n\n{EN}\nBildvorschlag: ein Diagramm\n\n{EN}"
    assert {code for _, code in codes_at(lint(text, "markdown", ("S006", "S008")))} == {"S006", "S008"}
    assert {code for _, code in codes_at(lint(text, "markdown", ("S005",)))} == set()


# -- S010 and S008: an assistant's buttons and footer, pasted under the post ---------------------


@pytest.mark.parametrize(
    ("buttons", "footer"),
    [
        ("Copia\nRigenera\nCondividi", "ChatGPT può commettere errori. Verifica le informazioni importanti."),
        ("Copiar\nRegenerar\nMostrar borradores", "ChatGPT puede cometer errores."),
        ("Kopieren\nNeu generieren\nEntwürfe anzeigen", "Gemini kann Fehler machen."),
        ("复制\n重新生成\n显示草稿", "ChatGPT 也可能会犯错。请核查重要信息。"),
        ("복사\n다시 생성\n공유", "ChatGPT는 실수를 할 수 있습니다."),
    ],
)
def test_an_assistants_buttons_and_footer_in_other_languages(buttons: str, footer: str) -> None:
    text = f"# Title\n\n{EN}\n{EN}\n{buttons}\n{footer}\n"
    found = {line for line, code in codes_at(lint(text, "markdown", ("S008", "S010")))}  # type: ignore[arg-type]
    assert found == {7, 8, 9, 10}


def test_a_post_about_models_that_make_mistakes_keeps_its_sentence() -> None:
    text = f"# Title\n\n{EN}\nEin Sprachmodell kann Fehler machen, wenn der Prompt mehrdeutig ist.\n\n{EN}"
    assert _lines(text, "S008") == []
