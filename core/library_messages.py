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

# Wagtail's admin, found by tests/core/test_admin_translations.py (issue 16 follow-up): where
# Wagtail's zh-Hant, ja or ko catalogue lacks the message. The entry gives all three languages,
# so where one catalogue has the message its wording is kept or made plainer, never left out.
WAGTAIL_ADMIN_PAGES = (
    # Listings: row selection and bulk actions, column sorting, the page count, empty lists
    # and the filters (the people list, every record list, the page explorer).
    gettext_lazy("Select"),
    gettext_lazy("Select all"),
    gettext_lazy("Select row"),
    gettext_lazy("Bulk actions"),
    gettext_lazy("1 item selected"),
    gettext_lazy("%(objects)s items selected"),
    gettext_lazy("All %(objects)s items on this screen selected"),
    gettext_lazy("All items in listing selected"),
    gettext_lazy("1 snippet selected"),
    gettext_lazy("%(objects)s snippets selected"),
    gettext_lazy("All %(objects)s snippets on this screen selected"),
    gettext_lazy("All snippets in listing selected"),
    gettext_lazy("1 page selected"),
    gettext_lazy("%(objects)s pages selected"),
    gettext_lazy("All %(objects)s pages on this screen selected"),
    gettext_lazy("All pages in listing selected"),
    gettext_lazy("1 document selected"),
    gettext_lazy("%(objects)s documents selected"),
    gettext_lazy("All %(objects)s documents on this screen selected"),
    gettext_lazy("All documents in listing selected"),
    gettext_lazy("1 image selected"),
    gettext_lazy("%(objects)s images selected"),
    gettext_lazy("All %(objects)s images on this screen selected"),
    gettext_lazy("All images in listing selected"),
    gettext_lazy("1 user selected"),
    gettext_lazy("%(objects)s users selected"),
    gettext_lazy("All %(objects)s users on this screen selected"),
    gettext_lazy("All users in listing selected"),
    gettext_lazy("Publish selected pages"),
    gettext_lazy("Unpublish selected pages"),
    gettext_lazy("Sort by '%(label)s' in ascending order."),
    gettext_lazy("Sort by '%(label)s' in descending order."),
    gettext_lazy(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in ascending order."
    ),
    gettext_lazy(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in descending order."
    ),
    gettext_lazy("Sort menu order"),
    gettext_lazy("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_lazy("There are no %(model_name)s to display."),
    gettext_lazy("Any"),
    gettext_lazy("Date updated"),
    gettext_lazy("Edited by"),
    gettext_lazy("Owner"),
    gettext_lazy("Exploring"),
    gettext_lazy("Has child pages"),
    gettext_lazy("Page type"),
    gettext_lazy("Locale"),
    gettext_lazy("Locales"),
    gettext_lazy("Switch locales"),
    gettext_lazy("Available in %(translations_total)s locales"),
    gettext_lazy("View history"),
    gettext_lazy("New: %(model_name)s"),
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times", "count"),
    # Every admin page: the <noscript> notice, the sidebar, dialogs and times.
    gettext_lazy(
        "JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the "
        '<a href="https://www.enable-javascript.com/" target="_blank" '
        'rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
    gettext_lazy("Sidebar"),
    gettext_lazy("Editor Guide"),
    gettext_lazy("Loading"),
    gettext_lazy("Creating…"),
    gettext_lazy("Close dialog"),
    gettext_lazy("Shortcuts"),
    gettext_lazy("just now"),
    gettext_lazy("0 minutes"),
    # The rest of the keyboard-shortcuts dialog.
    gettext_lazy(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_lazy("Heading 3"),
    gettext_lazy("Monospace (code)"),
    gettext_lazy("Strike-through"),
    gettext_lazy("Insert or edit a link"),
    # The edit form's status side panel: locking, privacy, publishing schedule, autosave.
    gettext_lazy("Status: "),
    gettext_lazy("Locale: "),
    gettext_lazy("Locking: "),
    gettext_lazy("Page visibility: "),
    gettext_lazy("Toggle status"),
    gettext_lazy("Anyone can edit this %(model_name)s"),
    gettext_lazy("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_lazy("Visible to all"),
    gettext_lazy("Visible to all. Visit the live page"),
    gettext_lazy("Private. Visit the live page"),
    gettext_lazy("Not visible to the public"),
    gettext_lazy("Once live anyone can view"),
    gettext_lazy("Change privacy"),
    gettext_lazy("Choose who can view the live version of this page"),
    gettext_lazy("No publishing schedule set"),
    gettext_lazy("Set publishing schedule"),
    gettext_lazy("Set schedule"),
    gettext_lazy("Save schedule"),
    gettext_lazy("Choose when this page should go live and/or expire"),
    gettext_lazy("Choose when this %(model_name)s should go live and/or expire"),
    gettext_lazy(
        'This publishing schedule will only take effect after you select the "Schedule to '
        'publish" option'
    ),
    gettext_lazy("First published"),
    gettext_lazy("View latest version"),
    gettext_lazy("Autosave is paused"),
    gettext_lazy("Autosave is <span>paused</span>"),
    gettext_lazy("Saved"),
    gettext_lazy("A network error occurred"),
    gettext_lazy(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a "
        "separate tab to view the last saved version."
    ),
    gettext_lazy("Save your changes before leaving"),
    gettext_lazy("You have <span>unsaved edits</span>"),
    gettext_lazy("Toggle comments"),
    # A page's edit form: its promote tab, the preview panel and the content checks.
    gettext_lazy("For search engines"),
    gettext_lazy("For site menus"),
    gettext_lazy("meta description"),
    gettext_lazy(
        "The name of the page displayed on search engine results as the clickable headline."
    ),
    gettext_lazy("The descriptive text displayed underneath a headline in search engine results."),
    gettext_lazy("Toggle preview"),
    gettext_lazy("Preview in new tab"),
    gettext_lazy("Preview in mobile size"),
    gettext_lazy("Preview in tablet size"),
    gettext_lazy("Preview in desktop size"),
    gettext_lazy("Preview is out of date"),
    gettext_lazy("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_lazy("Checks"),
    gettext_lazy("Toggle checks"),
    gettext_lazy("Issues found"),
    gettext_lazy("Show issue"),
    gettext_lazy("Content metrics"),
    gettext_lazy("Words"),
    gettext_lazy("Reading time"),
    gettext_lazy("Readability"),
    gettext_lazy("This data explained"),
    gettext_lazy("How we calculate our metrics"),
    gettext_lazy(
        "We extract the main content from the page preview, remove all formatting, and calculate "
        "the number of words."
    ),
    gettext_lazy(
        "We calculate reading time from word count, using different reading speeds for different "
        "languages."
    ),
    gettext_lazy(
        "We use a readability formula based on length of words and sentences. Long sentences and "
        "words result in a worse readability score."
    ),
    gettext_lazy(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more '
        "information on how content metrics are calculated."
    ),
    gettext_lazy("Add a concise description for search engines"),
    gettext_lazy("Meta description is empty"),
    gettext_lazy("Avoid skipping levels"),
    gettext_lazy("Incorrect heading hierarchy"),
    gettext_lazy("Use proper heading tags"),
    gettext_lazy("Misusing paragraphs as headings"),
    gettext_lazy("Empty heading found"),
    gettext_lazy("Button text is empty"),
    gettext_lazy("Input button text is empty"),
    gettext_lazy("Link text is empty"),
    gettext_lazy("Use meaningful text"),
    gettext_lazy("Use meaningful text for screen reader users"),
    gettext_lazy("Empty frame title found"),
    gettext_lazy("Use a meaningful title for screen reader users"),
    gettext_lazy("Table header text is empty"),
    gettext_lazy("Image alt text has inappropriate pattern"),
    gettext_lazy("Image is decorative"),
    # The dashboard's panels.
    gettext_lazy("Aging pages"),
    gettext_lazy("Page types usage"),
    gettext_lazy("What's new in Wagtail %(version)s"),
    # The account page.
    gettext_lazy("Profile"),
    gettext_lazy("Name and Email"),
    gettext_lazy("Profile picture"),
    gettext_lazy("Upload a profile picture:"),
    gettext_lazy("Notifications"),
    gettext_lazy("Comment notifications"),
    gettext_lazy("Theme preferences"),
    gettext_lazy("admin theme"),
    gettext_lazy("System default"),
    gettext_lazy("Light"),
    gettext_lazy("Dark"),
    gettext_lazy("contrast"),
    gettext_lazy("More contrast"),
    gettext_lazy("density"),
    gettext_lazy("Snug"),
    gettext_lazy("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_lazy("Use server language: %(language_name)s"),
    gettext_lazy("Use server time zone"),
    # A record's delete confirmation, history and usage (issue 16 follow-up: the record views
    # beyond edit and inspect).
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
        "usage_count",
    ),
    gettext_lazy("One or more references to this %(model_name)s prevent it from being deleted."),
    gettext_lazy("log entries"),
    gettext_lazy("Field"),
    gettext_lazy("There are no results."),
)

# Wagtail's image and document listings: sorting, layout, size filter and bulk actions.
WAGTAIL_MEDIA = (
    gettext_lazy("Sort by"),
    gettext_lazy("Newest"),
    gettext_lazy("Oldest"),
    gettext_lazy("Title: (A -> Z)"),
    gettext_lazy("Title: (Z -> A)"),
    gettext_lazy("File size: (low to high)"),
    gettext_lazy("File size: (high to low)"),
    gettext_lazy("Usage count"),
    gettext_lazy("Usage count: (low to high)"),
    gettext_lazy("Usage count: (high to low)"),
    gettext_lazy("Grid layout"),
    gettext_lazy("List layout"),
    gettext_lazy("Minimum"),
    gettext_lazy("Maximum"),
    gettext_lazy("Select all images in listing"),
    gettext_lazy("Select all documents in listing"),
    gettext_lazy("Add to collection"),
    gettext_lazy("Add selected images to collection"),
    gettext_lazy("Add selected documents to collection"),
    gettext_lazy("Tag"),
    gettext_lazy("Add tags to the selected images"),
    gettext_lazy("Add tags to the selected documents"),
    gettext_lazy("Delete selected images"),
    gettext_lazy("Delete selected documents"),
)

# Country names as django-countries writes them, missing from its ja and ko catalogues (the
# organisation and person forms' country lists).
COUNTRIES = (
    gettext_lazy("Bahamas (The)"),
    gettext_lazy("Democratic Republic of the Congo"),
    gettext_lazy("Micronesia"),
    gettext_lazy("Naoero"),
    gettext_lazy("Palestine"),
    gettext_lazy("Saint Helena"),
    gettext_lazy("South Georgia"),
    gettext_lazy("Vatican City"),
)

# Language names as Django writes them, where its catalogue names something narrower: Django's
# Japanese says 英語(米国) for "English", which an interpreter's languages do not mean.
LANGUAGES = (gettext_lazy("English"),)
