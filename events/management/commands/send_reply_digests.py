"""python manage.py send_reply_digests [--queue]: the daily mail of replies to officers."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from events.digests import send_reply_digests_task
from events.services.replies import send_reply_digests


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Mail each officer who asked for it (account settings) the invitation replies "
            "since their last digest. Run it once a day (README); a repeated run mails "
            "nothing twice. --queue hands the work to the task worker instead."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help=gettext("Queue the digests for the task worker instead of sending them now."),
        )

    def handle(self, *args, queue=False, **options):
        if queue:
            result = send_reply_digests_task.enqueue()
            self.stdout.write(gettext("Queued (task %(id)s).") % {"id": result.id})
            return
        sent = send_reply_digests()
        self.stdout.write(gettext("Reply digests sent: %(count)d") % {"count": sent})
