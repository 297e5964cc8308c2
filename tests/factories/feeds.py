"""Records for the iCal feed tests: a delegation's visit with everything a feed may leak."""

import datetime
import zoneinfo

from crm.models import Person
from events import enums
from events.models import ItineraryItem

from .crm import OrganisationFactory, PersonFactory
from .events import (
    BookingFactory,
    DelegationFactory,
    DelegationMemberFactory,
    DriverFactory,
    EventFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VenueFactory,
    taipei,
)

HOTEL = "Grand Hi-Lai Hotel 漢來大飯店"
PHONE = "+886 7 555 0147"
PASSPORT = "M12345678"
PRIVATE_NOTE = "Mayor prefers the window seat"
PICKUP = "No. 266 Chenggong 1st Rd"


def visit_with_secrets():
    """A public event with a delegation whose private details must stay off public feeds."""
    venue = VenueFactory(
        name="西子灣沙灘會館",
        name_en="Xiziwan Beach Hall",
        address="No. 51 Lianhai Rd, Gushan",
        latitude="22.624300",
        longitude="120.265200",
    )
    event = EventFactory(
        title="2019 高雄國際午宴",
        title_en="2019 Kaohsiung International Luncheon",
        summary="與姊妹市代表共進午餐",
        is_public=True,
        venue=venue,
    )
    delegation = DelegationFactory(
        event=event,
        organisation=OrganisationFactory(name="水原市", name_en="Suwon", country="KR"),
        hotel=HOTEL,
        home_timezone="Asia/Seoul",
        notes="Delegation private note",
    )
    head = DelegationMemberFactory(
        delegation=delegation,
        person=PersonFactory(
            family_name="Yeom",
            given_name="Tae-young",
            phone=PHONE,
            preferred_languages=["ko", "en"],
        ),
        role=enums.MemberRole.HEAD,
        notes="Member private note",
    )
    item = ItineraryItemFactory(
        event=event,
        title="簽約儀式",
        title_en="Signing ceremony",
        title_ko="서명식",
        public_description="Friendship-city agreement",
        private_notes=PRIVATE_NOTE,
        venue=venue,
        starts_at=taipei(2019, 2, 16, 10),
        ends_at=taipei(2019, 2, 16, 11),
    )
    item.members.add(head)
    RegistrationFactory(event=event, passport_number=PASSPORT, phone=PHONE)
    driver = DriverFactory(person=PersonFactory(phone=PHONE))
    transfer = BookingFactory(
        resource=driver,
        item=item,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        purpose="Airport to hall",
        pickup_address=PICKUP,
        dropoff_address="Xiziwan Beach Hall",
    )
    return {
        "venue": venue,
        "event": event,
        "delegation": delegation,
        "head": head,
        "item": item,
        "driver": driver,
        "booking": transfer,
    }


def bulk_items(event, count, *, member=None, venue=None, public=True):
    """Many items in one insert, for query-count tests that must stay flat as feeds grow."""
    start = datetime.datetime(2019, 3, 1, 9, tzinfo=zoneinfo.ZoneInfo("Asia/Taipei"))
    items = ItineraryItem.objects.bulk_create(
        ItineraryItem(
            event=event,
            kind=enums.ItemKind.MEETING,
            title=f"行程 {n}",
            title_en=f"Item {n}",
            starts_at=start + datetime.timedelta(hours=n),
            ends_at=start + datetime.timedelta(hours=n, minutes=45),
            venue=venue,
            is_public=public,
        )
        for n in range(count)
    )
    if member is not None:
        through = ItineraryItem.members.through
        through.objects.bulk_create(
            through(itineraryitem_id=item.pk, delegationmember_id=member.pk) for item in items
        )
    return items


def staff_person(user):
    return Person.objects.create(family_name="Chen", given_name="Mei", user=user)
