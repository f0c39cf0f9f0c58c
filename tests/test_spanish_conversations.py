"""End-to-end in Spanish: every topic for both seed postings, the status form, switching language, the long tail.

Quotes from a posting stay in English, introduced in Spanish; everything helpbot says itself is Spanish.
"""

from __future__ import annotations

import uuid

import pytest

from actions.catalog import CATALOGS
from tests.applications.conftest import write_csv
from tests.servers import Assistant

pytestmark = pytest.mark.server

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"
QUOTES = "La convocatoria dice (en inglés):"
NOT_STATED = "no indica"
SPANISH = CATALOGS["es"]
ENGLISH_ONLY = (
    "From the posting", "The posting", "does not state", "Sorry", "For more, you can contact", "As of today",
    "Overview", "Filing period", "Salary:", "section is empty",
)  # fmt: skip


def new_sender() -> str:
    return f"es-{uuid.uuid4().hex[:12]}"


# (question, posting whose page it is asked on, facts the answer holds; None: the posting does not state it)
TOPIC_CASES: list[tuple[str, str, list[str] | None]] = [
    ("¿hasta cuándo se puede aplicar?", LAUSD, ["December 11, 2025", "(1 de diciembre de 2025)", "quedan 10 días"]),
    ("¿cuál es la fecha límite?", PASADENA, ["October 2, 2025", "Fecha de apertura: 11 de septiembre de 2025."]),
    ("soy empleado, ¿necesito la VPN para aplicar desde casa?", LAUSD, ["GlobalProtect", "(213) 443-1300"]),
    ("¿necesito VPN para aplicar?", PASADENA, None),
    ("mi título es de México, ¿cómo hago con mis certificados de estudios?", LAUSD, ["DETAILED report"]),
    ("¿tengo que evaluar mi título extranjero?", PASADENA, None),
    ("tengo una discapacidad, ¿cómo pido una adaptación para el examen?", LAUSD, ["(213) 241-3455"]),
    ("¿cómo pido una adaptación razonable?", PASADENA, None),
    ("¿cuánto pagan?", LAUSD, None),
    ("¿cuál es el sueldo?", PASADENA, ["Sueldo: $57,946.10 - $68,821.79 Annually"]),
    ("¿cuáles son los requisitos mínimos?", LAUSD, ["Graduation from high school", "One year of office bookkeeping"]),
    ("¿qué requisitos piden?", PASADENA, ["Associate's degree program in accounting or bookkeeping"]),
    ("¿cómo es el proceso de selección?", LAUSD, ["Computerized Online Skills Assessment", "Multiple-Choice"]),
    ("¿cómo es el proceso de selección?", PASADENA, ["oral appraisal"]),
    ("¿cuánto dura la lista de elegibilidad?", LAUSD, ["12 months"]),
    ("¿cómo funciona la lista de elegibles?", PASADENA, ["eligible list of candidates"]),
    ("¿qué prestaciones tiene?", LAUSD, ["CalPERS", "Up to 13 days"]),
    ("¿qué beneficios da la ciudad?", PASADENA, ["2% @ 62"]),
    ("¿con quién me comunico si tengo preguntas?", LAUSD, ["jessica.mejia1@lausd.net"]),
    ("¿a quién contacto?", PASADENA, None),
    ("la página me da error al enviar la solicitud, ¿quién me ayuda?", LAUSD, ["helpmeapply@lausd.net"]),
    ("tengo problemas técnicos con la solicitud en línea", PASADENA, None),
    ("no me llegó el correo de confirmación", LAUSD, ["same day"]),
    ("¿me mandan un correo de confirmación?", PASADENA, None),
    ("¿dónde está el trabajo?", LAUSD, ["West Valley Occupational Center"]),
    ("¿en qué departamento es?", PASADENA, ["Departamento: Finance", "División: Accounting & Analysis"]),
    ("¿cuál es el número de la convocatoria?", LAUSD, None),
    ("¿cuál es el número de la convocatoria?", PASADENA, ["Número de convocatoria: 26-039"]),
    ("¿cuáles son las funciones del puesto?", LAUSD, ["complex clerical accounting duties"]),
    ("¿cuáles son las funciones del puesto?", PASADENA, ["check runs"]),
    ("¿hay periodo de prueba?", LAUSD, None),
    ("¿hay periodo de prueba?", PASADENA, ["one-year probationary"]),
    ("¿hacen revisión de antecedentes?", LAUSD, None),
    ("¿hacen revisión de antecedentes?", PASADENA, ["fingerprinting", "credit check"]),
    ("¿hay preguntas suplementarias?", LAUSD, ["supplemental questionnaire"]),
    ("¿qué preguntas suplementarias hay?", PASADENA, ["La solicitud hace estas preguntas suplementarias:", "ERP"]),
]


def assert_spanish(reply: str) -> None:
    for english in ENGLISH_ONLY:
        assert english not in reply, f"{english!r} in a Spanish reply:\n{reply}"


@pytest.mark.parametrize(
    ("question", "posting_id", "expected"), TOPIC_CASES, ids=[f"{c[1][:4]}-{c[0][:30]}" for c in TOPIC_CASES]
)
def test_every_topic_in_spanish_for_both_postings(
    assistant: Assistant, question: str, posting_id: str, expected: list[str] | None
) -> None:
    reply = assistant.reply(new_sender(), question, {"posting_id": posting_id})
    assert_spanish(reply)
    if expected is None:
        assert NOT_STATED in reply and QUOTES not in reply, reply
        assert "@" in reply or "recursos humanos" in reply  # points to someone to ask
        return
    assert reply.startswith(QUOTES) and "\n\nDe la convocatoria: " in reply, reply
    for fact in expected:
        assert fact in reply, f"{fact!r} missing from the reply to {question!r}:\n{reply}"


def test_a_spanish_long_tail_question_gets_the_english_quote_in_spanish_framing(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "¿cuántas vacantes hay?", {"posting_id": PASADENA})
    assert reply.startswith(QUOTES)
    assert "There is one vacancy in the Finance department" in reply
    assert reply.endswith("\n\nDe la convocatoria: Vacancies")
    declined = assistant.reply(new_sender(), "¿puedo trabajar desde casa?", {"posting_id": PASADENA})
    assert NOT_STATED in declined and "«trabajar desde casa»" in declined and "recursos humanos" in declined
    assert_spanish(declined)


def test_switching_language_mid_conversation(assistant: Assistant) -> None:
    sender = new_sender()
    assert assistant.reply(sender, "hola") == SPANISH["reply_greet"]
    spanish = assistant.reply(sender, "¿cuál es el deadline?", {"posting_id": LAUSD})
    assert spanish.startswith(QUOTES) and "Periodo de inscripción:" in spanish
    assert assistant.reply(sender, "ok gracias") == SPANISH["reply_you_are_welcome"]
    english = assistant.reply(sender, "and how much does it pay?")
    assert "does not state the salary" in english and QUOTES not in english
    assert assistant.reply(sender, "ok") == CATALOGS["en"]["reply_you_are_welcome"] or "Spanish" not in english
    back = assistant.reply(sender, "¿y el de Pasadena?")
    assert back.startswith(QUOTES) and "$57,946.10" in back  # the last topic (salary), now for Pasadena


def test_a_short_message_keeps_the_language_of_the_page_or_the_conversation(assistant: Assistant) -> None:
    reply = assistant.reply(new_sender(), "deadline?", {"posting_id": PASADENA, "language": "es"})
    assert reply.startswith(QUOTES) and "A día de hoy (1 de diciembre de 2025)" in reply
    sender = new_sender()
    assistant.reply(sender, "¿cuánto pagan?", {"posting_id": PASADENA})
    assert assistant.reply(sender, "A-10234") == SPANISH["reply_status_hint"]


def test_which_posting_is_asked_in_spanish_and_the_buttons_answer(assistant: Assistant) -> None:
    sender = new_sender()
    messages = assistant.ask(sender, "¿cuál es la fecha límite?")
    assert messages[0]["text"] == SPANISH["reply_ask_which_posting"]
    lausd = next(b for b in messages[0]["buttons"] if "Los Angeles" in b["title"])
    assert "December 11, 2025" in assistant.reply(sender, lausd["payload"])  # a payload keeps the language
    assert assistant.reply(sender, lausd["payload"]).startswith(QUOTES)


# Applications of their own, so that the English status tests find the store as they expect it.
SPANISH_ROWS = [
    "E-3001,Ana.Lopez@Example.com,Lopez,lausd-accounting-technician-ii,eligible_list,2025-12-20,verified,2,"
]


@pytest.fixture(scope="module")
def hr_imported(assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    result = assistant.cli("applications", "import", str(write_csv(tmp_path_factory.mktemp("hr-es"), SPANISH_ROWS)))
    assert result.returncode == 0, result.stderr
    return assistant


def test_the_status_form_in_spanish(hr_imported: Assistant) -> None:
    sender = new_sender()
    assert hr_imported.reply(sender, "¿cómo va mi solicitud?") == SPANISH["ask_application_id"]
    assert hr_imported.reply(sender, "es mi correo").startswith(SPANISH["reply_not_an_id"])
    assert hr_imported.reply(sender, "es E-3001") == SPANISH["ask_applicant_email"]
    status = hr_imported.reply(sender, "ana.lopez@example.com")
    assert status.startswith("Su solicitud para Accounting Technician II — Los Angeles Unified School District:")
    assert "Estado: Aprobó la evaluación y está en la lista de elegibilidad" in status
    assert "Última actualización: 20 de diciembre de 2025." in status and "Su lugar en la lista: 2." in status
    assert "top three ranks" in status  # what the posting says comes next, quoted
    assert_spanish(status)
    assert hr_imported.reply(sender, "¿ya estoy en la lista?") == SPANISH["ask_application_id"]  # not remembered
    assert hr_imported.reply(sender, "cancelar") == SPANISH["reply_status_cancelled"]
    failed = new_sender()
    hr_imported.reply(failed, "quiero saber el estado de mi solicitud")
    hr_imported.reply(failed, "E-4040")
    assert hr_imported.reply(failed, "nadie@example.com") == SPANISH["reply_status_failed"]
