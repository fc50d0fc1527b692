from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from accounts.views import set_language
from alliance import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("clients/", include("clients.urls")),
    path("sessions/", include("sessions.urls")),
    path("ruptures/", include("ruptures.urls")),
    path("supervision/", include("supervision.urls")),
    path("exports/", include("exports.urls")),
    path("audit/", include("audit.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
