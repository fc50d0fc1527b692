from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.text import NormalisedText
from clients.models import Client
from sessions.fields import EncryptedTextField

if TYPE_CHECKING:
    from accounts.models import User

MAX_COMMENT = 4000


class CommentQuerySet(models.QuerySet["Comment"]):
    def visible_to(self, user: User) -> CommentQuerySet:
        """Return the comments on clients `user` may see (see ClientQuerySet.visible_to)."""
        return self.filter(client__in=Client.objects.visible_to(user))


class Comment(NormalisedText, models.Model):
    """A supervisor's comment on a client or a rupture flag, or an answer to one."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="comments", verbose_name=_("client")
    )
    flag = models.ForeignKey(
        "ruptures.RuptureFlag",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("rupture flag"),
    )
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    body = EncryptedTextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[CommentQuerySet] = CommentQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("supervision comment")
        verbose_name_plural = _("supervision comments")
        ordering = ["created_at", "id"]
        indexes = [
            # The client page's comment threads, oldest first.
            models.Index(fields=["client", "created_at"], name="supervision_client_time_idx"),
        ]

    def __str__(self) -> str:
        return f"Comment by {self.author_id} on client {self.client_id}"
