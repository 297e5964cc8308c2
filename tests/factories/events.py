import datetime
import zoneinfo

import factory

from events import enums, models

from .crm import OrganisationFactory, PersonFactory

TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")


def taipei(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TAIPEI)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    kind = enums.EventKind.MEETING
    title = factory.Sequence(lambda n: f"活動 {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    starts_at = taipei(2019, 2, 16, 11)
    ends_at = taipei(2019, 2, 16, 14)
    status = enums.EventStatus.CONFIRMED


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Delegation

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Delegation {n}")
    organisation = factory.SubFactory(OrganisationFactory)


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DelegationMember

    delegation = factory.SubFactory(DelegationFactory)
    person = factory.SubFactory(PersonFactory)
    role = enums.MemberRole.MEMBER


class ItineraryItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ItineraryItem

    event = factory.SubFactory(EventFactory)
    kind = enums.ItemKind.MEETING
    title = factory.Sequence(lambda n: f"行程 {n}")
    title_en = factory.Sequence(lambda n: f"Item {n}")
    starts_at = taipei(2019, 2, 16, 11)
    ends_at = taipei(2019, 2, 16, 12)
    # Most tests read a published programme; the model's default is private.
    is_public = True


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Venue

    name = factory.Sequence(lambda n: f"會議室 {n}")
    name_en = factory.Sequence(lambda n: f"Meeting room {n}")
    venue_kind = enums.VenueKind.MEETING_ROOM
    capacity = 30


class VehicleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Vehicle

    name = factory.Sequence(lambda n: f"公務車 {n}")
    vehicle_kind = enums.VehicleKind.SEDAN
    seats = 4
    plate = factory.Sequence(lambda n: f"KHH-{n:04d}")


class DriverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Driver

    person = factory.SubFactory(PersonFactory)
    name = factory.LazyAttribute(lambda o: str(o.person))


class InterpreterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Interpreter

    person = factory.SubFactory(PersonFactory)
    name = factory.LazyAttribute(lambda o: str(o.person))
    languages = ["zh-hant", "en"]


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Booking

    resource = factory.SubFactory(VenueFactory)
    starts_at = taipei(2019, 2, 16, 9)
    ends_at = taipei(2019, 2, 16, 10)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Invitation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As invite_person does: the link's secret is on the instance (`token`), its hash stored.
        invitation = model_class(*args, **kwargs)
        invitation.issue_token()
        invitation.save()
        return invitation


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Registration

    event = factory.SubFactory(EventFactory, takes_registrations=True)
    family_name = factory.Faker("last_name")
    given_name = factory.Faker("first_name")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
