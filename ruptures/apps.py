from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RupturesConfig(AppConfig):
    """Rupture detection and repair; its models and detector land with the ruptures issue."""

    name = "ruptures"
    verbose_name = _("Ruptures")
