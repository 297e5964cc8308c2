from django import template

from core.languages import language_names as names_of

register = template.Library()


@register.filter
def language_names(codes):
    """A list of language codes as their names in the reader's language."""
    return names_of(codes)
