from __future__ import annotations

from django.urls import path

from sessions import views

app_name = "sessions"
urlpatterns = [
    path("new/for-client/<int:pk>/", views.session_create, name="create"),
    path("<int:pk>/edit/", views.session_edit, name="edit"),
    path("<int:pk>/delete/", views.session_delete_confirm, name="delete_confirm"),
    path("<int:pk>/delete/confirmed/", views.session_delete, name="delete"),
]
