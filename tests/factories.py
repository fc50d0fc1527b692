"""factory_boy factories for the whole project."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from accounts.models import Role, Supervision, User
from clients.models import Client, Goal, Task
from sessions.models import Attendance, Session, WaiSr


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = Role.THERAPIST
    password = factory.django.Password("correct horse battery staple")


class SupervisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supervision

    supervisor = factory.SubFactory(UserFactory, role=Role.SUPERVISOR)
    therapist = factory.SubFactory(UserFactory)


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    therapist = factory.SubFactory(UserFactory)
    display_name = factory.Faker("name")
    code = factory.Sequence(lambda n: f"CL-{n:04d}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=120))


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    client = factory.SubFactory(ClientFactory)
    wording = "Dormir mieux et reprendre le sport"
    order = factory.Sequence(lambda n: n)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    client = factory.SubFactory(ClientFactory)
    therapist = factory.LazyAttribute(lambda o: o.client.therapist)
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=7))
    duration_minutes = 50
    attendance = Attendance.ATTENDED
    notes = "L'usager parle de son travail; bonne collaboration."
    goals_rating = 4
    tasks_rating = 4
    bond_rating = 5


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    goal = factory.SubFactory(GoalFactory)
    description = "Marcher 20 minutes trois fois"


class WaiSrFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WaiSr

    session = factory.SubFactory(SessionFactory)
    item_1 = item_2 = item_3 = item_4 = item_5 = item_6 = 4
    item_7 = item_8 = item_9 = item_10 = item_11 = item_12 = 4
