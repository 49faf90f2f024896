"""Production: DEBUG off, SECRET_KEY required, HTTPS everywhere, two-factor for staff.

The portal refuses to start without the Impressum and privacy contacts
(``PORTAL_IMPRINT_CONTACT``, ``PORTAL_PRIVACY_CONTACT``): a public agency may not run a
site without them.

Passes ``manage.py check --deploy --fail-level WARNING``.
"""

import os

os.environ.setdefault("DEBUG", "false")

from network_portal.configuration import env_required
from network_portal.settings.base import *  # noqa: F403
from network_portal.settings.base import DEBUG, env

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

PORTAL_IMPRINT_CONTACT = env_required(env, "PORTAL_IMPRINT_CONTACT", unless=DEBUG, dev_default="")
PORTAL_PRIVACY_CONTACT = env_required(env, "PORTAL_PRIVACY_CONTACT", unless=DEBUG, dev_default="")
