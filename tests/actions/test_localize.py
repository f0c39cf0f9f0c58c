"""actions.localize: composed lines in Spanish with Spanish dates; quotes untouched."""

from __future__ import annotations

from datetime import date

from actions.localize import answer_in, date_in
from knowledge.answers import PHRASES, format_date, phrase


def test_dates_the_spanish_way() -> None:
    assert date_in("es", date(2025, 12, 11)) == "11 de diciembre de 2025"
    assert date_in("es", date(2025, 1, 1)) == "1 de enero de 2025"
    assert date_in("en", date(2025, 12, 11)) == "December 11, 2025"


def test_a_deadline_answer_in_spanish_keeps_its_quotes() -> None:
    english = "\n".join(
        [
            phrase("filing_period", text="November 26, 2025 - December 11, 2025"),
            phrase("open_days_left", today=format_date(date(2025, 12, 1)), days="10"),
            "To find out whether the application deadline has been extended, visit http://www.lausdjobs.org",
        ]
    )
    assert answer_in("es", english).split("\n") == [
        "Periodo de inscripción: November 26, 2025 - December 11, 2025",
        "A día de hoy (1 de diciembre de 2025), el periodo de inscripción está abierto (quedan 10 días).",
        "To find out whether the application deadline has been extended, visit http://www.lausdjobs.org",
    ]


def test_every_phrase_has_its_spanish_line() -> None:
    values = {"text": "X-1", "date": "October 2, 2025", "today": "December 1, 2025", "days": "3"}
    for name, template in PHRASES.items():
        english = template.format(**values)
        spanish = answer_in("es", english)
        assert spanish != english, name
        assert "October" not in spanish and "December" not in spanish, name


def test_english_stays_english() -> None:
    line = phrase("salary", text="$57,946.10 - $68,821.79 Annually")
    assert answer_in("en", line) == line
    assert answer_in("es", line) == "Sueldo: $57,946.10 - $68,821.79 Annually"
