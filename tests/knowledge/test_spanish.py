"""knowledge.spanish: Spanish questions read in English words; English text left as it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from base.settings import PROJECT_ROOT
from knowledge.question import analyse
from knowledge.spanish import glossary, in_english
from knowledge.vocabulary import about_work, asked_kinds, asks_for_everything, concepts, content_terms

# Greetings in Spanish that the English NLU examples hold on purpose (English speakers use them too).
SPANISH_GREETINGS = {"hola", "yo", "buenos", "dias", "see", "ya", "gracias", "adios"}


def english_texts() -> list[str]:
    """The English NLU examples, the English benchmark questions and the postings' lines."""
    texts: list[str] = []
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            lines = [line.strip()[2:] for line in block["examples"].splitlines() if line.strip().startswith("- ")]
            texts += [re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line) for line in lines]
    for name in ("questions.yml", "longtail.yml"):
        texts += [q["text"] for q in yaml.safe_load((PROJECT_ROOT / "bench" / name).read_text())["questions"]]
    for posting in (PROJECT_ROOT / "knowledge" / "postings").glob("*.txt"):
        texts += posting.read_text(encoding="utf-8").splitlines()
    return texts


def test_english_text_reads_as_it_is_written() -> None:
    """No glossary word is an English word that applicants or postings use."""
    changed: dict[str, set[str]] = {}
    for text in english_texts():
        if set(text.lower().split()) <= SPANISH_GREETINGS:
            continue
        read = in_english(text)
        difference = set(content_terms(text)) ^ set(content_terms(read))
        difference |= {f"kind {k}" for k in asked_kinds(text) ^ asked_kinds(read)}
        if asks_for_everything(text) != asks_for_everything(read):
            difference.add("asks for everything")
        if difference:
            changed[text] = difference
    assert changed == {}


def test_names_and_addresses_are_kept() -> None:
    assert in_english("el trabajo de Los Ángeles") == "the job of Los Angeles"
    assert "LA County" in in_english("¿la vacante de LA County?")
    assert "kim.le@co.kern.ca.us" in in_english("mi correo es kim.le@co.kern.ca.us")


@pytest.mark.parametrize(
    ("question", "concept"),
    [
        ("¿cuál es la fecha límite?", "@deadline"),
        ("cual es el plazo", "@deadline"),
        ("¿cuánto es el sueldo?", "@pay"),
        ("el salario", "@pay"),
        ("¿cuántas vacantes hay?", "@vacancy"),
        ("cuantas plazas abren", "@vacancy"),
        ("¿hay examen?", "@assessment"),
        ("¿qué prestaciones dan?", "@benefit"),
        ("¿puedo trabajar desde casa?", "@remote"),
        ("¿hay teletrabajo?", "@remote"),
        ("¿piden ciudadanía?", "@citizenship"),
        ("¿hay sindicato?", "@union"),
        ("¿hay estacionamiento?", "@parking"),
        ("¿pagan la reubicación?", "@relocation"),
        ("¿ayudan con la mudanza?", "@relocation"),
        ("¿revisan antecedentes penales?", "@background"),
        ("¿hay periodo de prueba?", "@probation"),
    ],
)
def test_spanish_words_meet_the_english_concepts(question: str, concept: str) -> None:
    assert concept in concepts(in_english(question))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("¿cuándo cierra?", "date"),
        ("¿hasta cuándo puedo aplicar?", "date"),
        ("¿cuántas vacantes hay?", "count"),
        ("¿cuánto pagan?", "money"),
        ("¿cuánto tiempo dura la lista?", "duration"),
        ("¿cuál es el teléfono?", "phone"),
        ("¿a quién le pregunto?", "who"),
        ("¿cuál es el correo?", "email"),
        ("¿cuál es la página web?", "website"),
    ],
)
def test_spanish_cues_say_what_kind_of_fact_is_asked(question: str, kind: str) -> None:
    assert kind in asked_kinds(in_english(question))


def test_spanish_questions_ask_for_everything_or_for_one_item() -> None:
    assert asks_for_everything(in_english("cuéntame sobre las prestaciones"))
    assert not asks_for_everything(in_english("¿hay seguro dental?"))
    assert analyse("¿y el segundo?").ordinal == 2
    assert analyse("¿y cuál es su teléfono?").refers_back


def test_spanish_subject_words_stay_spanish() -> None:
    """What the posting does not state is said in the applicant's words."""
    assert analyse("¿hay estacionamiento?").subject == ("estacionamiento",)
    assert analyse("¿cuál es el teléfono?").subject == ("teléfono",)


def test_a_work_question_in_spanish_is_about_work() -> None:
    assert about_work("¿hay descanso para almorzar en el trabajo?")
    assert not about_work("¿qué clima hace hoy?")


def test_glossary_forms_are_plain_and_readings_english() -> None:
    for form, english in glossary().items():
        assert form == form.lower() and not re.search(r"[áéíóúñ]", form), form
        assert not re.search(r"[áéíóúñ¿¡]", english), (form, english)


def test_stem_lookup_reads_other_forms_of_a_word() -> None:
    assert "evaluation" in in_english("¿quién evaluará mis títulos?")
    assert content_terms(in_english("¿Pagarían la mudanza?")) == content_terms("pay relocation")


def test_the_postings_are_not_read_as_spanish(tmp_path: Path) -> None:
    line = "Candidates selected for this position are subject to a one-year probationary work period."
    assert in_english(line) == line.lower()
