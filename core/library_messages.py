"""Messages that libraries show our users, kept in the project's catalogues.

Where Django, Wagtail or django-phonenumber-field has no (or only a fuzzy) translation for
one of our four languages, the project's catalogue supplies it: LOCALE_PATHS come first in
Django's lookup, so the entry here wins. Marking the strings in this module keeps
makemessages from dropping those entries as obsolete. The strings must be copied exactly as
the library writes them (context included); tests/core/test_library_messages.py shows each
one translated in every language.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext_lazy

PHONE_NUMBERS = (
    pgettext_lazy(
        "{example_number} is a national phone number.",
        "Enter a valid phone number (e.g. {example_number}) "
        "or a number with an international call prefix.",
    ),
    pgettext_lazy(
        "{example_number} is an international phone number.",
        "Enter a valid phone number (e.g. {example_number}).",
    ),
    pgettext_lazy(
        "{example_number} is a national phone number.",
        "Enter a valid phone number (e.g. {example_number}).",
    ),
    gettext_lazy("Enter a valid phone number."),
    gettext_lazy("The phone number entered is not valid."),
)

# Wagtail's admin, where its zh-Hant, ja or ko catalogue has no translation (issue 16: the
# sidebar, the dashboard's counts, listings' filters and the edit form's side panels).
WAGTAIL_ADMIN = (
    gettext_lazy("Help"),
    gettext_lazy("Search…"),
    gettext_lazy("Search all pages…"),
    gettext_lazy("Go to the first error"),
    gettext_lazy("Breadcrumb"),
    gettext_lazy("Toggle breadcrumbs"),
    gettext_lazy("Filter by"),
    gettext_lazy("Show filters"),
    gettext_lazy("Back"),
    gettext_lazy("Side panel width"),
    gettext_lazy("Minimap"),
    gettext_lazy("Side panels"),
    gettext_lazy("Toggle side panel"),
    gettext_lazy("Toggle section"),
    gettext_lazy("Actions (footer)"),
    gettext_lazy("Edit account avatar"),
    gettext_lazy("More options for '%(title)s'"),
    # The account menu's help link and the account page's confirmation (zh-Hant and ja lack
    # them; found by switching the demo user's language in the browser).
    gettext_lazy("Wagtail %(current_version)s editor guide"),
    gettext_lazy("Your account settings have been changed successfully!"),
    # The keyboard-shortcuts dialog (the "?" key or the account menu); zh-Hant and ja lack all
    # of it, ko most of it. Each string as Wagtail's templatetag and template write it.
    gettext_lazy("Keyboard shortcuts"),
    gettext_lazy("All keyboard shortcuts"),
    gettext_lazy("Section"),
    gettext_lazy("Keyboard shortcut"),
    gettext_lazy("account"),
    gettext_lazy(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_lazy("Application"),
    gettext_lazy("Show keyboard shortcuts"),
    gettext_lazy("Toggle sidebar"),
    gettext_lazy("Toggle minimap"),
    gettext_lazy("Close modal dialogs (like this one)"),
    gettext_lazy("Save changes"),
    gettext_lazy("Add or show comments"),
    gettext_lazy("Text editing"),
    gettext_lazy("Cut"),
    gettext_lazy("Paste"),
    gettext_lazy("Paste and match style"),
    gettext_lazy("Paste without formatting"),
    gettext_lazy("Text formatting"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)
