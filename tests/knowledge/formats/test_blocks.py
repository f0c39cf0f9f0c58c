"""knowledge.formats.blocks: the one structured text every format is written as."""

from __future__ import annotations

from knowledge.formats.blocks import FIELD, HEADING, ITEM, PARAGRAPH, TITLE, Block, render


def test_blocks_are_written_as_the_parser_reads_a_text_posting() -> None:
    blocks = [
        Block(TITLE, "  Water   Meter Reader "),
        Block(FIELD, "$21.00 - $25.00 Hourly", label="Salary:"),
        Block(HEADING, "MINIMUM QUALIFICATIONS"),
        Block(ITEM, "• A valid driver's license."),
        Block(ITEM, "Two years of outdoor work.", label="2."),
        Block(PARAGRAPH, "First line.\nSecond\u00a0line with a soft\u00adhyphen."),
    ]
    assert render(blocks) == (
        "Water Meter Reader\nSalary: $21.00 - $25.00 Hourly\nMINIMUM QUALIFICATIONS\n- A valid driver's license.\n"
        "2. Two years of outdoor work.\nFirst line.\nSecond line with a softhyphen.\n"
    )


def test_a_heading_the_parser_would_miss_is_written_in_capitals() -> None:
    blocks = [Block(TITLE, "Clerk"), Block(HEADING, "How you will be tested"), Block(PARAGRAPH, "A written test.")]
    assert render(blocks) == "Clerk\nHOW YOU WILL BE TESTED\nA written test.\n"


def test_a_heading_the_parser_already_sees_is_kept_as_written() -> None:
    blocks = [Block(TITLE, "Clerk"), Block(HEADING, "Essential Functions"), Block(PARAGRAPH, "Files records.")]
    assert render(blocks) == "Clerk\nEssential Functions\nFiles records.\n"


def test_a_sentence_set_in_bold_stays_a_paragraph() -> None:
    blocks = [Block(TITLE, "Clerk"), Block(HEADING, "All requirements must be met by the closing date.")]
    assert render(blocks) == "Clerk\nAll requirements must be met by the closing date.\n"


def test_nothing_renders_to_nothing() -> None:
    assert render([Block(PARAGRAPH, "  \n ")]) == ""
