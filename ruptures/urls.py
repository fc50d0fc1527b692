from __future__ import annotations

from django.urls import path

from ruptures import views

app_name = "ruptures"
urlpatterns = [
    path("flags/<int:pk>/acknowledge/", views.flag_acknowledge, name="acknowledge"),
    path("flags/<int:pk>/dismiss/", views.flag_dismiss, name="dismiss"),
    path("flags/<int:pk>/repaired/", views.flag_repaired, name="repaired"),
    path("flags/<int:pk>/repair-plan/", views.repair_plan, name="repair_plan"),
    path("clients/<int:pk>/flags/", views.client_flags, name="client_flags"),
    path("sessions/<int:pk>/add-marker/", views.add_marker, name="add_marker"),
    path("precision/", views.precision, name="precision"),
]
