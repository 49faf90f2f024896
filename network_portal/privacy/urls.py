"""URLs of data protection, in the ``privacy`` namespace (included by the portal's urls)."""

from django.urls import path

from network_portal.privacy import views

app_name = "privacy"

urlpatterns = [
    path("meine-daten/", views.my_data, name="my_data"),
    path(
        "meine-daten/einwilligungen/<int:pk>/widerrufen/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("meine-daten/auskunft/", views.export_page, name="export"),
    path("meine-daten/auskunft.json", views.export_download, name="export_download"),
    path("meine-daten/konto-loeschen/", views.account_delete, name="account_delete"),
    path(
        "organisationen/<slug:slug>/personen/<int:pk>/entfernen/",
        views.person_remove,
        name="person_remove",
    ),
    path(
        "verwaltung/datenschutz/verarbeitungsverzeichnis/",
        views.processing_record_page,
        name="processing_record",
    ),
    path(
        "verwaltung/datenschutz/verarbeitungsverzeichnis.xlsx",
        views.processing_record_download,
        name="processing_record_download",
    ),
]
