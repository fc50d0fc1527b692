from __future__ import annotations

import logging

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ruptures import detector, lexicon
from ruptures.lexicon import LexiconError
from ruptures.model import ModelError

logger = logging.getLogger(__name__)


class RupturesConfig(AppConfig):
    """Rupture detection and repair: the reader, its flags and the repair workflow."""

    name = "ruptures"
    verbose_name = _("Ruptures")

    def ready(self) -> None:
        # Load the reader's model and lexicon at start-up, so that a missing or corrupt file
        # stops the app with its name instead of leaving a reader that finds nothing.
        try:
            model = detector.use_model(practice_model_path())
            if model.meta.get("lexicon") != lexicon.fingerprint():
                # A practice model trained before an upgrade of the lexicon reads other
                # features: the shipped model, trained with this lexicon, reads instead.
                logger.warning(
                    "The practice's reader model was trained with another lexicon; using the "
                    "shipped model. Run manage.py ruptures_train --include-practice again."
                )
                detector.use_model(None)
        except (ModelError, LexiconError) as exc:
            raise ImproperlyConfigured(str(exc)) from None


def practice_model_path() -> str | None:
    """Return the practice's own model when `ruptures_train --include-practice` installed
    one (RUPTURES_PRACTICE_MODEL), else None: the shipped model."""
    path = settings.RUPTURES_PRACTICE_MODEL
    return str(path) if path.exists() else None
