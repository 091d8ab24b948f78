"""Plain text → structure: paragraphs, headings (with levels), verse, sections, exact spans."""

from __future__ import annotations

import pytest

from reader.formats.plain_text import build_text_document
from reader.model import BlockKind


def kinds(document) -> list[tuple[BlockKind, int, str]]:
    return [(b.kind, b.level, document.block_text(b)) for b in document.iter_blocks()]


def test_blank_lines_make_paragraphs_and_hard_wraps_are_spaces() -> None:
    text = "هذه جملة طويلة\nمكسورة على سطرين.\n\nفقرة ثانية."
    document = build_text_document(text)
    assert kinds(document) == [
        (BlockKind.PARAGRAPH, 0, "هذه جملة طويلة مكسورة على سطرين."),
        (BlockKind.PARAGRAPH, 0, "فقرة ثانية."),
    ]
    first = document.segment_at(0)
    assert text[first.start : first.end] == "هذه جملة طويلة\nمكسورة على سطرين."


def test_without_blank_lines_every_line_is_a_paragraph() -> None:
    document = build_text_document("جملة أولى.\nجملة ثانية.\n")
    assert [k for k, _, _ in kinds(document)] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_title_and_chapter_headings_open_nested_sections() -> None:
    text = "كتاب الرحلة\n\nالفصل الأول\n\nبدأت الرحلة فجرًا. وكان الجو باردًا.\n\nالفصل الثاني\n\nوصلنا مساءً."
    document = build_text_document(text)
    assert kinds(document)[:2] == [
        (BlockKind.HEADING, 1, "كتاب الرحلة"),
        (BlockKind.HEADING, 2, "الفصل الأول"),
    ]
    assert document.title == "كتاب الرحلة"
    (book,) = document.sections
    assert book.title == "كتاب الرحلة"
    assert [c.title for c in book.children] == ["الفصل الأول", "الفصل الثاني"]
    assert [position for position, _ in document.headings()] == [0, 1, 4]


def test_short_punctuated_or_trailing_lines_are_not_headings() -> None:
    text = "قال: نعم.\n\nهذا نص عادي طويل بما يكفي ليكون فقرة وليس عنوانًا. وينتهي هنا.\n\nسطر أخير بلا نقطة"
    assert [k for k, _, _ in kinds(build_text_document(text))] == [BlockKind.PARAGRAPH] * 3


def test_runs_of_short_lines_are_verse_not_headings() -> None:
    text = "مقدمة قصيرة للنص.\n\nيا ليلُ الصبُّ متى غدُه\nأقيامُ الساعةِ موعدُه\nرقد السُّمّار فأرّقه\n\nوانتهت القصيدة."
    document = build_text_document(text)
    assert [k for k, _, _ in kinds(document)] == [BlockKind.PARAGRAPH] + [BlockKind.VERSE] * 3 + [
        BlockKind.PARAGRAPH
    ]


def test_three_short_lines_in_a_row_are_a_list_not_headings() -> None:
    text = "أولًا\nثانيًا\nثالثًا\nثم نص عادي ينتهي بنقطة."
    assert BlockKind.HEADING not in [k for k, _, _ in kinds(build_text_document(text))]


def test_without_guessing_structure_lines_are_plain_paragraphs() -> None:
    text = "عنوان\n\nنص."
    document = build_text_document(text, guess_structure=False)
    assert [k for k, _, _ in kinds(document)] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert document.sections[0].heading_block is None


def test_a_long_list_of_short_lines_has_no_headings() -> None:
    document = build_text_document("\n".join(f"سطر قصير {n}" for n in range(20_000)) + "\nثم نص عادي.")
    assert len(document) == 20_001
    assert not document.headings()  # one run of 20 000 short lines: a list, read in one pass


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a post's first line without a final mark was taken as the title and never split
            "ليش محد رد علي؟ ارسلت الإيميل من أمس!! الموضوع مستعجل\nطيب ننتظر ردكم.",
            ["ليش محد رد علي؟", "ارسلت الإيميل من أمس!!", "الموضوع مستعجل", "طيب ننتظر ردكم."],
        ),
        ("شكرا 🙏🙏!!! وصلني الطلب\n\nالخدمة ممتازة.", ["شكرا 🙏🙏!!!", "وصلني الطلب", "الخدمة ممتازة."]),
        (
            "حلو كتير 😍😍؟؟ من وين اشتريته\n\nأريد واحدًا.",
            ["حلو كتير 😍😍؟؟", "من وين اشتريته", "أريد واحدًا."],
        ),
        ("«أين كنت؟» سأل الأب\n\nلم يجب الابن.", ["«أين كنت؟» سأل الأب", "لم يجب الابن."]),
    ],
)
def test_speech_on_a_short_line_is_not_a_heading(text: str, expected: list[str]) -> None:
    document = build_text_document(text)
    assert [s.text for s in document.iter_segments()] == expected
    assert document.title == ""
    assert all(b.kind is not BlockKind.HEADING for b in document.iter_blocks())


def test_a_short_plain_first_line_is_still_the_title() -> None:
    assert build_text_document("عنوان المقال\n\nجملة أولى. جملة ثانية.").title == "عنوان المقال"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بكرة نكمل!!! 🙏 يلا نبدأ.", ["بكرة نكمل!!! 🙏", "يلا نبدأ."]),
        ("ليش كذا 😡😡 ؟؟ حرام عليكم.", ["ليش كذا 😡😡 ؟؟", "حرام عليكم."]),
        ("«لا أعرف.» قال أحمد بصوت خافت. ثم صمت.", ["«لا أعرف.» قال أحمد بصوت خافت.", "ثم صمت."]),
        (
            "«أين كنت؟» سأل الأب. «في المكتبة» أجاب الابن.",
            ["«أين كنت؟» سأل الأب.", "«في المكتبة» أجاب الابن."],
        ),
    ],
)
def test_emoji_marks_and_quoted_dialogue_inside_a_paragraph(text: str, expected: list[str]) -> None:
    document = build_text_document("مقدمة قصيرة هنا.\n\n" + text)
    assert [s.text for s in document.iter_segments()][1:] == expected
