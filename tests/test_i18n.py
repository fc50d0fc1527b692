"""Both catalogues are complete and compiled; pages answer in French and in English."""

from __future__ import annotations

from pathlib import Path

import polib
from django.urls import reverse
from django.utils import translation

from conftest import Practice
from tests.test_url_access import _browser

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_french_catalogue_is_complete_and_compiled() -> None:
    po = polib.pofile(str(LOCALE / "fr/LC_MESSAGES/django.po"))
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries()
    mo = polib.mofile(str(LOCALE / "fr/LC_MESSAGES/django.mo"))
    compiled = {e.msgid: e.msgstr for e in mo}
    stale = [e.msgid for e in po if not e.msgid_plural and compiled.get(e.msgid) != e.msgstr]
    assert not stale, f"Run `manage.py compilemessages`: {stale[:5]}"


def test_english_catalogue_covers_the_same_messages() -> None:
    fr = {e.msgid for e in polib.pofile(str(LOCALE / "fr/LC_MESSAGES/django.po"))}
    en = {e.msgid for e in polib.pofile(str(LOCALE / "en/LC_MESSAGES/django.po"))}
    assert fr == en


def test_the_caseload_speaks_the_chosen_language(practice: Practice) -> None:
    browser = _browser("alice", practice)
    browser.cookies["django_language"] = "en"
    assert "My caseload" in browser.get(reverse("clients:caseload")).content.decode()
    browser.cookies["django_language"] = "fr"
    assert "Mes clients" in browser.get(reverse("clients:caseload")).content.decode()
    with translation.override("fr"):
        assert translation.gettext("Session saved.") == "Séance enregistrée."
