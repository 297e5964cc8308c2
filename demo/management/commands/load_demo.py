"""python manage.py load_demo: the 2019 report's facts plus marked illustrative records."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext

import demo.cms
import demo.crm
import demo.events
import demo.gifts
import demo.glossary
import demo.lists
import demo.luncheon
import demo.programmes
import demo.upcoming
from core.roles import ensure_staff_groups

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "kaohsiung-demo"  # noqa: S105 (printed by `make run`; a demo login, not a secret)


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when asked for: argparse formats the help with re.sub, which refuses
        # a lazy string.
        return gettext(
            "Load the demo data: the 2019 report's people, organisations, ties, events and "
            "bookings, with invented records marked illustrative, and the demo login "
            "demo / kaohsiung-demo. Running it again changes nothing."
        )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self._load()
        except (ValidationError, ValueError, DatabaseError) as error:
            raise CommandError(
                gettext("Loading the demo data failed, nothing was saved: %(error)s")
                % {"error": error}
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Demo data loaded. Log in at /admin/ as %(user)s / %(password)s.")
                % {"user": DEMO_USERNAME, "password": DEMO_PASSWORD}
            )
        )

    def _load(self):
        self._ensure_demo_user()
        ensure_staff_groups()
        # The parts in order; each reads what the ones before it loaded.
        demo.crm.load(stdout=self.stdout)
        demo.glossary.load(stdout=self.stdout)
        demo.lists.load(stdout=self.stdout)
        demo.gifts.load(stdout=self.stdout)
        resources = demo.events.load(stdout=self.stdout)
        # Before the everyday bookings: the programmes' transfers count towards the year's
        # car trips, which the everyday bookings fill up to the report's total.
        demo.programmes.load(resources, stdout=self.stdout)
        demo.events.load_everyday_bookings(resources, stdout=self.stdout)
        demo.luncheon.load(stdout=self.stdout)
        demo.upcoming.load(stdout=self.stdout)
        # Pages last: they link to the events and ties loaded above.
        self.stdout.write(gettext("CMS: the public site's pages"))
        demo.cms.load(stdout=self.stdout)

    def _ensure_demo_user(self):
        user, _created = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
        # Reset only what differs, so a second run leaves the row as it was.
        if not (user.is_staff and user.is_superuser and user.is_active):
            user.is_staff = user.is_superuser = user.is_active = True
            user.save()
        # The account page shows (and saves) a name and an e-mail with the language setting.
        names = {"first_name": "Demo", "last_name": "Officer", "email": "demo@kcg.example"}
        if any(getattr(user, field) != value for field, value in names.items()):
            for field, value in names.items():
                setattr(user, field, value)
            user.save()
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
