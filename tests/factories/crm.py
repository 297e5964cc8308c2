import datetime

import factory

from crm import enums, models


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    kind = enums.OrganisationKind.CITY
    name = factory.Sequence(lambda n: f"組織 {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    country = "JP"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    family_name = factory.Faker("last_name")
    given_name = factory.Faker("first_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    position_title = "職員"
    position_title_en = "Officer"
    office_rank = enums.OfficeRank.OFFICIAL
    start_date = datetime.date(2015, 1, 1)
    is_primary = True


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CooperationArea
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"area-{n}")
    name = factory.Sequence(lambda n: f"領域 {n}")


class RelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Relationship

    source = factory.SubFactory(OrganisationFactory)
    target = factory.SubFactory(OrganisationFactory)
    type = enums.RelationshipType.SISTER_CITY
    status = enums.RelationshipStatus.ACTIVE
    signed_on = datetime.date(2010, 1, 1)


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Interaction

    occurred_on = datetime.date(2019, 3, 29)
    kind = enums.InteractionKind.MEETING
    subject = factory.Sequence(lambda n: f"Meeting {n}")


class GiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gift

    given_on = datetime.date(2019, 3, 29)
    occasion = factory.Sequence(lambda n: f"Courtesy call {n}")
    direction = enums.GiftDirection.GIVEN
    description = factory.Sequence(lambda n: f"禮品 {n}")
    description_zh_hant = factory.SelfAttribute("description")
    counterpart_organisation = factory.SubFactory(OrganisationFactory)
    value = 1000
    currency = "TWD"


class MailingListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MailingList

    name = factory.Sequence(lambda n: f"New Year cards {n}")
    purpose = "Cards sent before the Lunar New Year."
