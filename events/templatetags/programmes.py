"""Template filters for the programmes' admin pages."""

from django import template

from ..selectors.registrations import registration_name

register = template.Library()


@register.filter
def applicant_name(registration):
    """An applicant's name, family name first for Chinese, Japanese and Korean names."""
    return registration_name(registration)
