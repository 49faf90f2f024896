"""The managers' member administration: lists, edits, import and export."""

from django.urls import path, re_path

from members.views import imports, manage

urlpatterns = [
    path("verwaltung/mitglieder/", manage.member_list, name="manage_members"),
    re_path(
        r"^verwaltung/mitglieder/export/(?P<format>csv|xlsx)/$",
        manage.member_export,
        name="manage_export",
    ),
    path(
        "verwaltung/mitglieder/<int:pk>/beenden/",
        manage.membership_end,
        name="manage_membership_end",
    ),
    path("verwaltung/mitglieder/import/", imports.import_upload, name="manage_import"),
    path(
        "verwaltung/mitglieder/import/vorlage.csv",
        imports.import_template,
        name="manage_import_template",
    ),
    path(
        "verwaltung/mitglieder/import/<int:pk>/",
        imports.import_detail,
        name="manage_import_detail",
    ),
    path(
        "verwaltung/mitglieder/import/<int:pk>/starten/",
        imports.import_confirm,
        name="manage_import_confirm",
    ),
    path(
        "verwaltung/mitglieder/import/<int:pk>/verwerfen/",
        imports.import_discard,
        name="manage_import_discard",
    ),
]
