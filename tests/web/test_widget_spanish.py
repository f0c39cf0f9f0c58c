"""The chat widget in Spanish, in Chromium: the page's `lang`, the English / Español switch, Spanish answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from base.settings import PROJECT_ROOT
from tests.servers import Assistant

pytestmark = pytest.mark.server

PASADENA = "pasadena-accounting-technician"
AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


# The posting page as a Spanish site would serve it, `<html lang="es">`: set as soon as the parser makes the
# element, before any of the page's scripts run.
SPANISH_PAGE = """
new MutationObserver((_, observer) => {
  if (document.documentElement) { document.documentElement.lang = "es"; observer.disconnect(); }
}).observe(document, {childList: true});
"""


def log(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("log", name="Conversación")


def ask(page: Page, text: str) -> None:
    page.get_by_label("Su mensaje").fill(text)
    page.get_by_role("button", name="Enviar").click()


def test_a_spanish_page_gets_the_widget_in_spanish_and_answers_in_spanish(
    assistant: Assistant, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # for axe-core
    try:
        spanish_page(assistant, context.new_page())
    finally:
        context.close()


def spanish_page(assistant: Assistant, page: Page) -> None:
    page.add_init_script(SPANISH_PAGE)
    page.goto(f"{assistant.site}/postings/{PASADENA}")
    page.get_by_role("button", name="¿Preguntas? Escríbanos").click()
    dialog = page.get_by_role("dialog", name="Asistente para solicitudes de empleo")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("lang", "es")
    expect(page.get_by_role("group", name="Idioma").get_by_role("button", name="Español")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(log(page)).to_contain_text("¡Hola! Pregúnteme lo que quiera sobre Accounting Technician")
    ask(page, "deadline?")  # one English word on a Spanish page: the page's language
    expect(log(page)).to_contain_text("La convocatoria dice (en inglés):", timeout=20_000)
    expect(log(page)).to_contain_text("A día de hoy")
    ask(page, "¿cuántas vacantes hay?")
    expect(log(page)).to_contain_text("There is one vacancy in the Finance department")
    page.get_by_role("button", name="Hablar con una persona").click()
    expect(log(page)).to_contain_text("Pasé esta conversación a la mesa de ayuda")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    serious = [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def test_the_switch_changes_the_labels_and_the_language_of_short_messages(assistant: Assistant, page: Page) -> None:
    page.goto(f"{assistant.site}/postings/{PASADENA}")
    page.get_by_role("button", name="Questions? Chat with us").click()
    expect(page.get_by_role("dialog", name="Job application assistant")).to_be_visible()
    page.get_by_role("group", name="Language").get_by_role("button", name="Español").click()
    expect(page.get_by_role("dialog", name="Asistente para solicitudes de empleo")).to_be_visible()
    expect(page.get_by_label("Su mensaje")).to_have_attribute("placeholder", "Pregunte sobre Accounting Technician")
    expect(log(page)).to_contain_text("¡Hola! Pregúnteme lo que quiera")
    ask(page, "salary?")
    expect(log(page)).to_contain_text("Sueldo: $57,946.10 - $68,821.79 Annually")
    ask(page, "and is there a probation period?")  # the latest message decides
    expect(log(page)).to_contain_text("Candidates selected for this position are subject to a one-year probationary")
    page.reload()  # the choice survives a reload
    expect(page.get_by_role("button", name="Español")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("log", name="Conversation")).to_be_visible()
    expect(page.get_by_label("Your message")).to_be_visible()
