"""Settings shared by every environment; values that differ come from the environment."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    DJANGO_ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env("DJANGO_DEBUG")
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # modeltranslation patches admin forms, so it must come before the apps it serves.
    "modeltranslation",
    "core",
    "crm",
    "events",
    "cms",
    "api",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "phonenumber_field",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
]

MIDDLEWARE = [
    # First, so every log line of the request, the page cache's included, carries its id.
    "core.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names and precompressed copies, before anything touches the
    # database: gunicorn serves them itself, with or without nginx in front.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached pages carry the policy too (core/middleware.py).
    "core.middleware.ContentSecurityPolicyMiddleware",
    # Before sessions, logins and routing: a hit for a cookie-less reader skips them all.
    "cms.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so the language is active: finds the page in two queries (cms/routing.py).
    "cms.middleware.PageRoutingMiddleware",
]

# Content-Security-Policy (django-csp). The public site: nothing inline, nothing from another
# origin. The admin: Wagtail's widgets need inline scripts and style attributes, nothing else.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": ["'self'"], "style-src": ["'self'"]},
}
KIA_ADMIN_CSP = {
    **_CSP_COMMON,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    # The page editor's live preview is an iframe of our own pages.
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
}
# Browser features no page here uses, turned off for every page and anything framed in it.
KIA_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=(), "
    "accelerometer=(), gyroscope=(), magnetometer=()"
)
# Wagtail would fetch staff avatars from gravatar.com: another origin, and it tells Gravatar
# who works in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

ROOT_URLCONF = "config.urls"
# Served outside i18n_patterns (config/urls.py): their 404s are not language redirects.
KIA_UNPREFIXED_PATHS = ("/admin/", "/documents/", "/feeds/", "/open-data/", "/api/", "/healthz")
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.office.office_context",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL in production and CI.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock when a transaction starts, which is what makes the
    # booking overlap check safe on SQLite (see docs/decisions.md); WAL lets readers go on.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# Keep connections between requests: opening one costs more than a whole cached page (on
# SQLite, Django registers its SQL functions on every connect). Health checks drop dead ones.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Traditional Chinese is the office's working language.
LANGUAGE_CODE = "zh-hant"
LANGUAGES = [
    ("zh-hant", "繁體中文"),
    ("en", "English"),
    ("ja", "日本語"),
    ("ko", "한국어"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True

# Record fields (django-modeltranslation). A missing translation falls back to the
# office's language, then English, so a reader never sees an empty field.
MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hant"
MODELTRANSLATION_LANGUAGES = ("zh-hant", "en", "ja", "ko")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hant", "en")}

# CMS pages (Wagtail locales).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Kaohsiung International Affairs")
# The one public address every link in a mail or feed is built on (RSVP pages, calendar
# feeds); never a host from a Site record or a request, which may be stale or internal.
KIA_PUBLIC_BASE_URL = env("KIA_PUBLIC_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The admin's own address (links in staff mail); the public one unless the admin lives apart.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=KIA_PUBLIC_BASE_URL)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# 40 megapixels: any camera's photo, far less than Wagtail's 128 (a 121-megapixel image took
# 860 MB to list). Also Pillow's limit (core/apps.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# whitenoise warns about a missing folder; a fresh checkout has not run collectstatic yet.
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))

# Public pages are cached; Redis when REDIS_URL is set, local memory otherwise.
if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            # Redis down must not take the site down: a cache error reads as a miss and pages
            # come from the database (docs/deploy.md, "Faults"). Short timeouts keep a dead
            # server from holding every request.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Two accelerations of the public site lean on framework internals: core/prepared.py on
# Django's SQL compiler, cms/routing.py on the request attributes Wagtail's serve view keeps.
# KIA_ACCELERATIONS=false turns both off: queries run through the plain ORM and Wagtail
# routes every page itself (docs/decisions.md says what to check on an upgrade).
KIA_ACCELERATIONS = env.bool("KIA_ACCELERATIONS", default=True)
# Whole public pages (cms/cache.py): a hit trusts its entry while no shown record was saved
# (a content version in the shared cache) and for at most RECHECK seconds, then re-reads
# the entry's token from the database.
KIA_PAGE_CACHE_ALIAS = "default"
KIA_PAGE_CACHE_SECONDS = 300
KIA_PAGE_CACHE_RECHECK_SECONDS = env.float("KIA_PAGE_CACHE_RECHECK_SECONDS", default=5)
# Public form posts (registration, RSVP) per client and form: valid submissions and refused
# ones counted apart, each (attempts, seconds), in the shared cache (cms/ratelimit.py).
KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (10, 3600), "failed": (30, 3600)}
KIA_RATE_LIMIT_CACHE = "default"
# The reverse proxies in front of the site (addresses or networks, e.g. 10.0.0.0/8): the
# client's address is read from X-Forwarded-For only past these. Empty: REMOTE_ADDR is the client.
KIA_TRUSTED_PROXIES = env.list("KIA_TRUSTED_PROXIES", default=[])

# Passport numbers are encrypted at rest (core/fields.py) with Fernet keys, newest first: the
# first encrypts, all decrypt, `manage.py rotate_encryption_key` rewrites values under the first.
# The development key below is public; production refuses it (config/settings/production.py).
DEV_FIELD_ENCRYPTION_KEY = "jm8bBjI1LJWYllKgChhgfrZIDIWZ1trZktgD940c2wg="
KIA_FIELD_ENCRYPTION_KEYS = env.list(
    "KIA_FIELD_ENCRYPTION_KEYS", default=[DEV_FIELD_ENCRYPTION_KEY]
)

# Background work (mail, PDFs) goes through django-tasks, which Wagtail brings. Development and
# tests run each task at once; production queues them in the database for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env(
            "KIA_TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Contact imports (crm/importing): the largest file accepted, and the row count from which the
# admin hands a file to the task worker and shows a progress bar instead of waiting.
KIA_IMPORT_MAX_BYTES = env.int("KIA_IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
KIA_IMPORT_BACKGROUND_ROWS = env.int("KIA_IMPORT_BACKGROUND_ROWS", default=500)

# Gifts received worth more than this (NT$) are listed for declaration to the ethics officer:
# 公務員廉政倫理規範 第2條第7款 sets ordinary social custom at NT$3,000 (docs/decisions.md).
KIA_GIFT_DECLARATION_THRESHOLD = env.int("KIA_GIFT_DECLARATION_THRESHOLD", default=3000)
# ... and gifts from one source adding up to more than this (NT$) in a calendar year, the same
# point's proviso (NT$10,000 a year from one source).
KIA_GIFT_YEARLY_CAP = env.int("KIA_GIFT_YEARLY_CAP", default=10000)

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="intl@kcg.example")
# The SMTP server (DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=20)
# Mail the SMTP server could not take is queued again by the worker (core.tasks): first after
# KIA_MAIL_RETRY_SECONDS, doubling up to KIA_MAIL_RETRY_MAX_SECONDS, for at most
# KIA_MAIL_RETRY_ATTEMPTS attempts (30 s to an hour, 12 attempts: about five hours).
KIA_MAIL_RETRY_SECONDS = env.float("KIA_MAIL_RETRY_SECONDS", default=30)
KIA_MAIL_RETRY_MAX_SECONDS = env.float("KIA_MAIL_RETRY_MAX_SECONDS", default=3600)
KIA_MAIL_RETRY_ATTEMPTS = env.int("KIA_MAIL_RETRY_ATTEMPTS", default=12)

PHONENUMBER_DEFAULT_REGION = "TW"
LOGIN_URL = "wagtailadmin_login"

# The office this installation serves, in each language (core/office.py); empty: the demo's.
KIA_OFFICE_NAME = env("KIA_OFFICE_NAME", default="")
KIA_OFFICE_FULL_NAME = env("KIA_OFFICE_FULL_NAME", default="")
# Calendar UIDs end in this domain; set it once at installation and never change it, or every
# subscriber's calendar shows each entry twice (events/ical.py).
KIA_UID_DOMAIN = env("KIA_UID_DOMAIN", default="intl.kcg.gov.tw")
KIA_ICAL_PRODID = env(
    "KIA_ICAL_PRODID", default="-//Kaohsiung City Government//International Affairs//EN"
)

# One line per record; KIA_LOG_FORMAT=json (production's default) writes JSON objects that log
# shippers read without parsing rules. Every record carries its request id (core/observability).
KIA_LOG_FORMAT = env("KIA_LOG_FORMAT", default="text")
# Whether the proxy in front sets X-Request-ID; if not, a client could choose its own id.
KIA_TRUST_REQUEST_ID = env.bool("KIA_TRUST_REQUEST_ID", default=False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.observability.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{message}{request_id}",
            "style": "{",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": KIA_LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("KIA_LOG_LEVEL", default="WARNING")},
}
# /healthz reports the task queue as degraded when a task has waited longer than this.
KIA_HEALTHZ_QUEUE_MAX_AGE = env.int("KIA_HEALTHZ_QUEUE_MAX_AGE", default=300)


# The API (api/): public data throttled per address, staff by token; docs/decisions.md "An API".
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["api.filters.FilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("KIA_API_ANON_RATE", default="120/minute"),
        "user": env("KIA_API_USER_RATE", default="600/minute"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": env("KIA_API_TITLE", default="Kaohsiung International Affairs API"),
    "DESCRIPTION": "Public events, sister cities and visit figures; staff records by token.",
    "VERSION": "1.0.0",
    # The documentation page's scripts come from drf-spectacular-sidecar, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_this_api"],
    "ENUM_NAME_OVERRIDES": {
        "EventStatusEnum": "events.enums.EventStatus",
        # Items and bookings share one choice set: confirmed or cancelled.
        "ConfirmedOrCancelledEnum": "events.enums.BookingStatus",
        "RelationshipStatusEnum": "crm.enums.RelationshipStatus",
    },
}
