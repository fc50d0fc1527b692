from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TherapySessionsConfig(AppConfig):
    # django.contrib.sessions owns the label "sessions".
    name = "sessions"
    label = "therapy_sessions"
    verbose_name = _("Therapy sessions")
