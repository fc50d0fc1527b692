"""The form renderer: Jinja2 for Django's own widget templates, the Django engine for the rest."""

from __future__ import annotations

from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template.exceptions import TemplateDoesNotExist


class FastRenderer(BaseRenderer):
    """Render form widgets through Jinja2, which Django ships the same widget templates for.

    The session logger has some forty inputs; through the Django engine, one template per
    input and per choice, they cost a third of the save's time. The admin's own widget
    templates (related-object wrappers, for instance) exist for the Django engine only,
    so a template Jinja2 does not have comes from there.
    """

    def __init__(self) -> None:
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
