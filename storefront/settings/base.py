"""Settings shared by every environment; each value comes from the environment with a safe local default."""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name, "").strip()
    if not value:  # unset, or left empty as in .env.example
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # dev.py's; production refuses it
DEBUG = env_bool("DJANGO_DEBUG", False)
# Media on local disk served by Django itself (storefront/urls.py): the dev settings' embedded
# default; in production nginx, a CDN or the S3 store serves it.
SERVE_LOCAL_MEDIA = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The reverse proxies (IPs or CIDR ranges) whose X-Forwarded-For is believed (storefront/clientip.py).
# Empty: nobody's, and the socket peer is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    ipaddress.ip_network(_proxy, strict=False)  # a typo stops the start, not every request

INSTALLED_APPS = [
    "home",
    "catalog",
    "inquiries",
    "orders",
    "stories",
    "reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache, so a page served from it gets the headers too (storefront/security.py).
    "storefront.security.ContentSecurityPolicyMiddleware",
    "storefront.security.permissions_policy_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves cached public pages, the same for every visitor: above the session, which a hit never
    # reads, so it sees every cookie and Vary a rendered page got before storing it
    # (storefront/page_cache.py).
    "storefront.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A machine translation DeepL refused becomes a message in the translation editor.
    "storefront.machine_translation.MachineTranslationErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "storefront.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
                "orders.context_processors.sample_box",
            ],
        },
    },
]

WSGI_APPLICATION = "storefront.wsgi.application"

# Database: SQLite file by default (DATABASE_URL unset or empty), anything dj-database-url
# understands from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # The site's queries are small and many: PostgreSQL's JIT compiler costs them more (tens of
    # milliseconds on a large catalogue's estimates) than it ever saves, and parallel workers for
    # one request's search take the cores other requests are waiting for.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c max_parallel_workers_per_gather=0"
    )
elif DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A transaction that reads and then writes (an order marked paid) fails at once with "database is
    # locked" when another connection is writing; begun IMMEDIATE, it waits for the writer instead.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
    # Write-ahead logging: pages keep being read while a writer (a bulk import, a publish) works,
    # instead of waiting for it or failing with "database is locked". The setting stays in the file.
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "renditions",
            "TIMEOUT": 60 * 60 * 24 * 7,
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }

# Page cache (storefront/page_cache.py): public pages kept whole in PAGE_CACHE_ALIAS for
# PAGE_CACHE_SECONDS, purged when what they show is published; sent as
# `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE, s-maxage=PAGE_CACHE_CDN_MAX_AGE`, so browsers
# keep them PAGE_CACHE_MAX_AGE seconds and nginx or a CDN PAGE_CACHE_CDN_MAX_AGE.
# Without Redis the cache is per process, so a change made by another process (the import command,
# the task worker, another app server) shows only when the copy expires.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = os.environ.get("PAGE_CACHE_ALIAS", "default")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_CDN_MAX_AGE = int(os.environ.get("PAGE_CACHE_CDN_MAX_AGE", "300"))

# CDN purge through Wagtail's frontend cache: off unless a purge target is configured. The page
# cache hands it every locale's URL itself, so Wagtail is not to rewrite each URL into each language.
WAGTAILFRONTENDCACHE = {}
WAGTAILFRONTENDCACHE_LANGUAGES = []
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx or anything answering HTTP PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):  # credentials as for S3 (keys or an instance role)
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Background tasks (Wagtail 8 uses django-tasks): run at once by default, in the
# django-tasks-db worker when TASKS_BACKEND=database.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASKS_BACKEND]
    }
}

# Admin sign-in: after AXES_FAILURE_LIMIT wrong passwords for one username from one client address
# (storefront/clientip.py), that pair is locked out for AXES_COOLOFF_MINUTES, even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "storefront.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "storefront.accounts.lockout_response"
AXES_VERBOSE = False  # its start-up banner would be written into every management command's output
# Password-reset e-mails sent per hour to one address, and requested per hour from one client address.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "storefront.accounts.ThrottledPasswordResetForm"
PASSWORD_RESET_RATE_LIMIT_PER_EMAIL = int(os.environ.get("PASSWORD_RESET_RATE_LIMIT_PER_EMAIL", "3"))
PASSWORD_RESET_RATE_LIMIT_PER_IP = int(os.environ.get("PASSWORD_RESET_RATE_LIMIT_PER_IP", "20"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English first for international buyers, Indonesian for the SMEs.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("id", "Bahasa Indonesia"),
    ("zh-hans", "简体中文"),
    ("ja", "日本語"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
# Numbers grouped by thousands in every language (storefront/formats: zh-hans 20,000, ar 20.000).
FORMAT_MODULE_PATH = ["storefront.formats"]
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

# Media on S3 (or any S3-compatible store) when a bucket is configured, local disk otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_FILE_OVERWRITE = False
    # Empty AWS_DEFAULT_ACL sends no ACL (buckets with "Object Ownership: bucket owner enforced").
    AWS_DEFAULT_ACL = os.environ.get("AWS_DEFAULT_ACL", "private") or None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)
    AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "3600"))
    AWS_S3_SIGNATURE_VERSION = "s3v4"  # signed URLs; SigV2 is refused by newer regions and stores
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None  # "path" for MinIO
    AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "")  # key prefix inside the bucket, e.g. "media"
    # Names never change (file_overwrite off), so browsers and CDNs may keep a file for a week.
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=604800"}
    # django-storages' S3Storage, reusing each signed URL for half its lifetime (storefront/storage.py).
    default_storage = {"BACKEND": "storefront.storage.MediaStorage"}
else:
    default_storage = {"BACKEND": "storefront.storage.LocalMediaStorage"}
STORAGES = {
    "default": default_storage,
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}


# Security headers (storefront/security.py). Images may come from the media store's own host.
def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


if not AWS_STORAGE_BUCKET_NAME:
    MEDIA_ORIGINS = []
elif AWS_S3_CUSTOM_DOMAIN:
    MEDIA_ORIGINS = [f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN}"]
elif AWS_S3_ENDPOINT_URL:
    MEDIA_ORIGINS = [_origin(AWS_S3_ENDPOINT_URL)]
    if AWS_S3_ADDRESSING_STYLE != "path":  # virtual-hosted: the bucket is a subdomain of the endpoint
        MEDIA_ORIGINS.append(_origin(AWS_S3_ENDPOINT_URL).replace("://", f"://{AWS_STORAGE_BUCKET_NAME}.", 1))
else:  # Amazon S3's own hosts for this bucket
    MEDIA_ORIGINS = [
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME or 'us-east-1'}.amazonaws.com",
        f"https://s3.{AWS_S3_REGION_NAME or 'us-east-1'}.amazonaws.com",
    ]
if _origin(MEDIA_URL):  # local media behind a CDN
    MEDIA_ORIGINS.append(_origin(MEDIA_URL))
STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"  # the checkout form redirects there
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # style="" attributes only (palette swatches' colours); never <style> elements or scripts.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", STRIPE_CHECKOUT_ORIGIN],
        "frame-ancestors": ["'none'"],
    }
}
if os.environ.get("CSP_REPORT_URI"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [os.environ["CSP_REPORT_URI"]]
# The Wagtail admin needs inline scripts and styles, blob: image previews, and frames its own page
# previews; these directives replace the site's under ADMIN_URL_PREFIX only.
ADMIN_URL_PREFIX = "/admin/"
# No gravatars: an admin page would tell gravatar.com who is signed in (a hash of the e-mail address);
# Wagtail shows its default avatar, or the one a user uploads.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-attr": None,
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": ["self"],
    "usb": [],
    "serial": [],
    "bluetooth": [],
    "magnetometer": [],
    "gyroscope": [],
    "accelerometer": [],
    "browsing-topics": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# E-mail: written to files locally; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
# Seconds any one exchange with the mail server may take: without it, a server that accepts the
# connection and never answers keeps a task worker (or a request) waiting for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Etalase Malang <noreply@etalase.localhost>")
# Inquiries accepted per hour from one e-mail address, and from one browser (IP and User-Agent);
# the per-IP ceiling is much higher, since a trade fair's or an office's buyers share one address.
INQUIRY_RATE_LIMIT_PER_EMAIL = int(os.environ.get("INQUIRY_RATE_LIMIT_PER_EMAIL", "5"))
INQUIRY_RATE_LIMIT_PER_IP = int(os.environ.get("INQUIRY_RATE_LIMIT_PER_IP", "60"))
# Where a maker's inquiry goes when it has no private e-mail.
INQUIRY_FALLBACK_EMAIL = os.environ.get("INQUIRY_FALLBACK_EMAIL", "") or DEFAULT_FROM_EMAIL
# Where the trade office gets each sample order to be paid by invoice; empty: no such e-mail.
TRADE_OFFICE_EMAIL = os.environ.get("TRADE_OFFICE_EMAIL", "")
# How long the thank-you link after an inquiry works, in seconds.
INQUIRY_THANKS_MAX_AGE = int(os.environ.get("INQUIRY_THANKS_MAX_AGE", str(7 * 24 * 3600)))
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Stripe: off (invoice mode) unless STRIPE_SECRET_KEY is set.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")

# Sample orders: how long an unpaid order waits for its payment before expire_pending_orders expires
# it (Stripe's Checkout page lasts 24 hours), and how long the private link to an order works.
ORDER_PENDING_MAX_AGE_HOURS = int(os.environ.get("ORDER_PENDING_MAX_AGE_HOURS", "24"))
ORDER_LINK_MAX_AGE_DAYS = int(os.environ.get("ORDER_LINK_MAX_AGE_DAYS", "180"))

# Renditions are made when a page is published, in the task worker. With tasks run at once (the
# embedded default) that would make every publish wait for AVIF encoding, so there they are made
# on first view instead unless RENDITIONS_ON_PUBLISH=1.
RENDITIONS_ON_PUBLISH = env_bool("RENDITIONS_ON_PUBLISH", TASKS_BACKEND != "immediate")
# libavif's encoding speed for AVIF renditions, 0 (slowest, smallest) to 10: Pillow's default is 6;
# at 8 an AVIF is made 2-8x faster, about as small for a photograph (benchmarks/renditions.py).
IMAGE_AVIF_SPEED = int(os.environ.get("IMAGE_AVIF_SPEED", "8"))
if not 0 <= IMAGE_AVIF_SPEED <= 10:
    raise ImproperlyConfigured("IMAGE_AVIF_SPEED must be a whole number from 0 to 10.")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Etalase Malang"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend; on PostgreSQL stemmed in each page's language, and a page of
        # results ranks index entries first.
        "BACKEND": "storefront.search_backend",
        # PostgreSQL's text search configuration for what has no language (images, documents), and
        # for a page whose language is not below. Named, rather than left to the server's default,
        # it makes `to_tsquery` a constant that is computed once per search instead of once per
        # ranked row. Ignored by SQLite, which does not stem.
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "english"),
        # Each locale's configuration, where PostgreSQL has one; "simple" (no stemming) where it
        # has none. Run `manage.py update_index` after changing these.
        "LANGUAGE_CONFIGS": {
            "en": "english",
            "id": "indonesian",
            "ar": "arabic",
            "zh-hans": "simple",
            "ja": "simple",
        },
    }
}
# Scans of certificates are PDFs or photos; every document is served through Wagtail's view, which
# checks its collection's privacy first (makers' scans: the maker and the curators only), and never
# by a link to the file in the media store (`storefront.storage` keeps those objects private).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "jpg", "jpeg", "png"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Makers are e-mailed this many days before a certificate expires (notify_expiring_certificates).
CERTIFICATE_EXPIRY_NOTICE_DAYS = int(os.environ.get("CERTIFICATE_EXPIRY_NOTICE_DAYS", "30"))
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Pixels, not bytes: a small PNG can hold a picture that takes gigabytes to decode for a preview.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", "40000000"))
WAGTAILIMAGES_IMAGE_FORM_BASE = "storefront.images.ImageForm"  # refuses a damaged file with an error
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False


def machine_translator(auth_key, api_url=""):
    """wagtail-localize's machine translator: DeepL with `auth_key`, asked at `api_url` when given
    (otherwise at DeepL's own, Free or Pro by the key), or none without a key."""
    if not auth_key:
        return None
    return {
        "CLASS": "storefront.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": auth_key, "API_URL": api_url},
    }


# "Translate with DeepL" in the translation editor fills the untranslated strings with DeepL's drafts
# (storefront/machine_translation.py); off when DEEPL_API_KEY is unset or empty.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    os.environ.get("DEEPL_API_KEY", "").strip(), os.environ.get("DEEPL_API_URL", "").strip()
)

SITE_TITLE = _("Etalase Malang")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per task run is noise locally; failures still log at ERROR.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
SECURITY_CONTACT_EMAIL = os.environ.get("SECURITY_CONTACT_EMAIL", "security@etalase.localhost")
