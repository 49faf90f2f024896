"""The first version of each consent text, in German and English.

``consent.current_text`` publishes these as version 1 when a purpose has no text yet, so
consent can always be recorded; platform admins publish later versions in the admin.
"""

from network_portal.models import ConsentPurpose

EVENT_REGISTRATION_DE = """\
Ich willige ein, dass die veranstaltenden Netzwerke meinen Namen, meine Organisation, \
meine Funktion, meine E-Mail-Adresse und meine Workshopwahl verarbeiten, um die \
Veranstaltung zu organisieren (Teilnehmendenliste, Namensschild, Check-in, Nachbereitung). \
Hinweise zur Barrierefreiheit werden nur für die Planung genutzt und nach dem Ende der \
Veranstaltung gelöscht. Nach Ablauf der Aufbewahrungsfrist wird die Anmeldung \
anonymisiert. Ich kann diese Einwilligung jederzeit unter „Meine Daten“ widerrufen; die \
Anmeldung wird dann storniert."""

EVENT_REGISTRATION_EN = """\
I agree that the organising networks process my name, organisation, function, e-mail \
address and choice of workshops to organise the event (attendee list, name badge, \
check-in, follow-up). Access needs are used only for planning and deleted once the event \
is over. When the retention period ends, the registration is anonymised. I can withdraw \
this consent at any time under "My data"; the registration is then cancelled."""

DIRECTORY_LISTING_DE = """\
Ich willige ein, dass mein Name und meine Funktion – und, soweit ich es freigebe, meine \
E-Mail-Adresse und Telefonnummer – als Kontakt im Profil meiner Organisation im \
Mitgliederverzeichnis erscheinen. Ich kann diese Einwilligung jederzeit unter „Meine Daten“ \
widerrufen; ich werde dann nicht mehr als Kontakt angezeigt."""

DIRECTORY_LISTING_EN = """\
I agree that my name and function – and, where I release them, my e-mail address and \
phone number – are shown as a contact on my organisation's profile in the member \
directory. I can withdraw this consent at any time under "My data"; I am then no longer \
shown as a contact."""

COOPERATION_DIGEST_DE = """\
Ich möchte einmal pro Woche per E-Mail eine Übersicht neuer Kooperationsangebote und \
-gesuche erhalten, die zu meiner Organisation passen. Dafür wird meine E-Mail-Adresse \
verwendet. Ich kann diese Einwilligung jederzeit unter „Meine Daten“ oder über den Link in \
jeder Übersicht widerrufen."""

COOPERATION_DIGEST_EN = """\
I want to receive a weekly e-mail with new cooperation offers and requests that fit my \
organisation. My e-mail address is used for this. I can withdraw this consent at any time \
under "My data" or through the link in every digest."""

FIRST_TEXTS: dict[str, tuple[str, str]] = {
    ConsentPurpose.EVENT_REGISTRATION: (EVENT_REGISTRATION_DE, EVENT_REGISTRATION_EN),
    ConsentPurpose.DIRECTORY_LISTING: (DIRECTORY_LISTING_DE, DIRECTORY_LISTING_EN),
    ConsentPurpose.COOPERATION_DIGEST: (COOPERATION_DIGEST_DE, COOPERATION_DIGEST_EN),
}
