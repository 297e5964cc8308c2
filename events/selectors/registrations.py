"""Reads about public registrations shared by mail, lists and printed certificates."""

from types import SimpleNamespace

from crm import names


def name_holder(registration):
    """The registration's name as crm.names expects it (the person on record if linked)."""
    if registration.person_id:
        return registration.person
    return SimpleNamespace(
        family_name=registration.family_name,
        given_name=registration.given_name,
        native_name=registration.native_name,
        chinese_name="",
        honorific="",
        name_order=names.infer_name_order(
            native_name=registration.native_name, country=registration.nationality
        ),
    )


def registration_name(registration):
    """An applicant's name in Latin letters, family name first for CJK names."""
    return names.format_name(name_holder(registration))
