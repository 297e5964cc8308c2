"""Gifts recorded as interactions with a value and currency become entries of the register.

The interaction stays (it is the meeting or letter the gift came with) and the gift links to it.
Direction follows the interaction's kind; a gift on another kind of interaction is taken as
given by the city, which is what the office recorded that way. The counterpart is the
interaction's first person, else its first organisation; one without either is left as it is.
"""

import re

from django.db import migrations


def copy_gifts(apps, schema_editor):
    Interaction = apps.get_model("crm", "Interaction")
    Gift = apps.get_model("crm", "Gift")
    interactions = (
        Interaction.objects.filter(gift_value__isnull=False)
        .exclude(gift_currency="")
        .filter(gifts__isnull=True)
        .prefetch_related("people", "organisations")
    )
    for interaction in interactions:
        people = list(interaction.people.all())
        organisations = list(interaction.organisations.all())
        currency = interaction.gift_currency.strip().upper()
        if (not people and not organisations) or not re.fullmatch(r"[A-Z]{3}", currency):
            continue
        description = interaction.gift_description or interaction.subject
        Gift.objects.create(
            given_on=interaction.occurred_on,
            occasion=interaction.subject,
            direction="received" if interaction.kind == "gift_received" else "given",
            description=description,
            description_zh_hant=description,
            counterpart_person=people[0] if people else None,
            counterpart_organisation=None if people else organisations[0],
            value=interaction.gift_value,
            currency=currency,
            interaction=interaction,
            is_illustrative=interaction.is_illustrative,
        )


class Migration(migrations.Migration):
    dependencies = [("crm", "0009_gift_register")]

    operations = [migrations.RunPython(copy_gifts, migrations.RunPython.noop)]
