"""python manage.py export_person_data PERSON_ID: everything held about one person, as JSON."""

import getpass
import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext

from crm.models import Person
from events.enums import SensitiveAccessContext
from events.privacy import selectors, services


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Write everything held about one person (a subject-access request) as JSON, to "
            "standard output or --output FILE. Showing their passport numbers and dates of "
            "birth is recorded like any other display."
        )

    def add_arguments(self, parser):
        parser.add_argument("person_id", type=int)
        parser.add_argument("--output", help=gettext("File to write instead of standard output."))

    def handle(self, *args, person_id, output=None, **options):
        try:
            person = Person.objects.get(pk=person_id)
        except Person.DoesNotExist as error:
            raise CommandError(
                gettext("No person has the number %(number)s.") % {"number": person_id}
            ) from error
        who = gettext("command line (%(user)s)") % {"user": getpass.getuser()}
        with transaction.atomic():
            data = selectors.person_data(person, exported_by=who)
            services.record_sensitive_access(
                selectors.registrations_of(person),
                user=None,
                username=who,
                context=SensitiveAccessContext.SUBJECT_ACCESS,
            )
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
        else:
            self.stdout.write(text)
