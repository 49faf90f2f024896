"""URL configuration of the portal."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from network_portal import views

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Network Portal administration")
admin.site.site_title = _("Network Portal")

urlpatterns = [
    path("", views.home, name="home"),
    path("mein-bereich/", views.dashboard, name="dashboard"),
    path("", include("network_portal.preference_urls")),
    path("", include("network_portal.privacy.urls")),
    path("seite/<slug:slug>/", views.legal_page, name="legal"),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("members.urls")),
    path("", include("events.urls")),
    path("", include("cooperations.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
