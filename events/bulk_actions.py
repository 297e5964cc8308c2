"""Bulk actions on the admin's lists (Wagtail's bulk-action framework, core.bulk): review
applications, send invitations, add people to a delegation, mail a group, export a selection.
Each calls one service with the whole selection."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from core.bulk import ExportBulkAction, RecordBulkAction
from crm.models import Person

from .enums import MemberRole, RegistrationStatus
from .models import (
    Delegation,
    DelegationMember,
    Event,
    GroupMailing,
    Invitation,
    Registration,
)
from .services import bulk as bulk_services
from .services import mailings as mailing_services


class ReviewBulkAction(RecordBulkAction):
    model_class = Registration
    header_icon = "form"
    select_related = ("event",)
    status = None

    def act(self, objects, data):
        changed = bulk_services.review_registrations(
            objects, status=self.status, user=self.request.user
        )
        messages.success(
            self.request,
            ngettext("%(count)d application changed.", "%(count)d applications changed.", changed)
            % {"count": changed},
        )


class AcceptRegistrations(ReviewBulkAction):
    display_name = _("Accept")
    action_type = "accept"
    aria_label = _("Accept the selected applications")
    action_priority = 10
    status = RegistrationStatus.ACCEPTED


class WaitlistRegistrations(ReviewBulkAction):
    display_name = _("Waitlist")
    action_type = "waitlist"
    aria_label = _("Waitlist the selected applications")
    action_priority = 20
    status = RegistrationStatus.WAITLISTED


class RejectRegistrations(ReviewBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected applications")
    action_priority = 30
    status = RegistrationStatus.REJECTED


class SendInvitations(RecordBulkAction):
    model_class = Invitation
    display_name = _("Send")
    action_type = "send"
    aria_label = _("Send the selected invitations by mail")
    header_icon = "mail"
    select_related = ("person", "event")

    def act(self, objects, data):
        sent = bulk_services.send_invitations(objects, user=self.request.user)
        messages.success(
            self.request,
            ngettext("%(count)d invitation queued.", "%(count)d invitations queued.", sent)
            % {"count": sent},
        )


class AddToDelegationForm(forms.Form):
    delegation = forms.ModelChoiceField(label=_("Delegation"), queryset=Delegation.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Delegations of events not yet over (a week's grace), not every one since 2019.
        current = Event.objects.filter(ends_at__gte=timezone.now() - timezone.timedelta(days=7))
        self.fields["delegation"].queryset = (
            Delegation.objects.filter(event__in=current)
            .select_related("event")
            .order_by("event__starts_at", "name")
        )
        self.fields["delegation"].label_from_instance = lambda d: f"{d.event} · {d.name}"


class AddPeopleToDelegation(RecordBulkAction):
    model_class = Person
    display_name = _("Add to a delegation")
    action_type = "add_to_delegation"
    aria_label = _("Add the selected people to a delegation")
    header_icon = "group"
    permission_model = DelegationMember
    permission_required = "add"
    form_class = AddToDelegationForm

    def act(self, objects, data):
        added = bulk_services.add_people_to_delegation(
            data["delegation"], objects, role=data["role"], user=self.request.user
        )
        messages.success(
            self.request,
            ngettext(
                "%(count)d person added to %(delegation)s.",
                "%(count)d people added to %(delegation)s.",
                added,
            )
            % {"count": added, "delegation": data["delegation"]},
        )


class GroupMailForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            required = code == settings.LANGUAGE_CODE
            self.fields[f"subject_{code}"] = forms.CharField(
                label=gettext("Subject (%(language)s)") % {"language": name},
                required=required,
                max_length=200,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=gettext("Text (%(language)s)") % {"language": name},
                required=required,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=gettext(
                    "Each recipient gets the text in their language; where it is left empty, "
                    "in the office's."
                ),
            )


class GroupMailBulkAction(RecordBulkAction):
    display_name = _("Mail")
    action_type = "mail"
    aria_label = _("Mail the selected people")
    header_icon = "mail"
    permission_model = GroupMailing
    permission_required = "add"
    form_class = GroupMailForm

    def recipients(self, objects):
        return objects

    def act(self, objects, data):
        codes = [code for code, _name in settings.LANGUAGES]
        mailing = mailing_services.queue_group_mail(
            self.recipients(objects),
            subjects={code: data.get(f"subject_{code}", "") for code in codes},
            bodies={code: data.get(f"body_{code}", "") for code in codes},
            user=self.request.user,
        )
        messages.success(
            self.request,
            gettext("The mail is queued for %(count)d people; each copy's status is kept.")
            % {"count": len(mailing.audience)},
        )


class MailPeople(GroupMailBulkAction):
    model_class = Person


class MailDelegationMembers(GroupMailBulkAction):
    model_class = DelegationMember
    select_related = ("person",)
    aria_label = _("Mail the selected delegation members")

    def recipients(self, objects):
        return list({member.person_id: member.person for member in objects}.values())


class ExportInvitations(ExportBulkAction):
    model_class = Invitation
    select_related = ("person", "event")
    fields = ("person", "event", "status", "companions", "dietary_requirements", "sent_at")


class ExportRegistrations(ExportBulkAction):
    # Never passports or birth dates: those go through the recorded list export only.
    model_class = Registration
    select_related = ("event",)
    fields = ("event", "family_name", "given_name", "email", "nationality", "status", "score")


class ExportDelegationMembers(ExportBulkAction):
    model_class = DelegationMember
    select_related = ("person", "delegation")
    fields = ("delegation", "person", "role", "arrival_at", "arrival_flight", "departure_at")


BULK_ACTIONS = (
    AcceptRegistrations,
    WaitlistRegistrations,
    RejectRegistrations,
    SendInvitations,
    AddPeopleToDelegation,
    MailPeople,
    MailDelegationMembers,
    ExportInvitations,
    ExportRegistrations,
    ExportDelegationMembers,
)
