"""Admin logins in the two staff groups made by core.roles."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import PROTOCOL_OFFICERS, VIEWERS, ensure_staff_groups


class StaffUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@kcg.example")
    password = factory.django.Password("kaohsiung-staff")

    @factory.post_generation
    def group(user, create, extracted, **kwargs):
        if create and extracted:
            group = Group.objects.filter(name=extracted).first()
            if group is None:
                # A transactional test run before this one may have emptied the tables (a
                # flush leaves what migrations made only when post_migrate runs again):
                # the groups are the project's own, so they are made as migrate makes them.
                ensure_staff_groups()
                group = Group.objects.get(name=extracted)
            user.groups.add(group)


def protocol_officer(**kwargs):
    return StaffUserFactory(group=PROTOCOL_OFFICERS, **kwargs)


def viewer(**kwargs):
    return StaffUserFactory(group=VIEWERS, **kwargs)
