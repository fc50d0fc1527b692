from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Reports (CSV, XLSX, PDF) produced in the background, and data-subject requests."""

    name = "exports"
    verbose_name = _("Exports")
