"""Demo texts for the legal pages; written only where a page does not exist yet.

The operator is fictional. A real deployment replaces these texts in the admin.
"""

IMPRINT_DE = """\
Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)

Dies ist eine Demo-Installation des Netzwerkportals. Alle folgenden Angaben sind fiktiv.

Netzwerkportal Demo e.V. (fiktiv)
Musterstraße 1
44135 Dortmund

Vertreten durch den Vorstand: Paul Brenner (fiktiv)
Telefon: 0231 000000-00
E-Mail: kontakt@demo.example

Registereintrag: Vereinsregister Amtsgericht Dortmund, VR 00000 (fiktiv)

Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag (MStV):
Paul Brenner, Anschrift wie oben.

Die Profile der Mitgliedsunternehmen und Partnerorganisationen verantworten die jeweiligen
Organisationen selbst."""

IMPRINT_EN = """\
Information pursuant to Section 5 of the German Digital Services Act (DDG)

This is a demo installation of the Network Portal. All details below are fictional.

Netzwerkportal Demo e.V. (fictional)
Musterstraße 1
44135 Dortmund, Germany

Represented by the board: Paul Brenner (fictional)
Phone: +49 231 000000-00
E-mail: kontakt@demo.example

Register entry: register of associations, Dortmund local court, VR 00000 (fictional)

Responsible for the content under Section 18 (2) of the German Interstate Media Treaty (MStV):
Paul Brenner, address as above.

Member companies and partner organisations are responsible for their own profiles."""

PRIVACY_DE = """\
Datenschutzerklärung

1. Verantwortlicher
Netzwerkportal Demo e.V. (fiktiv), Musterstraße 1, 44135 Dortmund,
E-Mail: datenschutz@demo.example.

2. Welche Daten wir verarbeiten
- Benutzerkonto: Name, E-Mail-Adresse, gewählte Sprache und ein verschlüsseltes Passwort.
- Profile von Organisationen und Kontaktpersonen: nur die Angaben, die die Organisation
  einträgt; E-Mail-Adresse und Telefonnummer einer Person erscheinen nur, wenn sie
  dafür freigegeben sind.
- Anmeldungen zu Veranstaltungen: Teilnehmende, Organisation, Workshopwahl,
  Hinweise zur Barrierefreiheit und Check-in-Zeit.
- Kooperationsangebote, -gesuche und Interessensbekundungen.

3. Zwecke und Rechtsgrundlagen
Wir verarbeiten die Daten, um das Portal für die Netzwerke und ihre Mitglieder zu
betreiben (Art. 6 Abs. 1 lit. b DSGVO), um Veranstaltungen zu organisieren
(Art. 6 Abs. 1 lit. b DSGVO) und um das Portal sicher zu betreiben
(Art. 6 Abs. 1 lit. f DSGVO). Einwilligungen, etwa zur Weitergabe von Kontaktdaten
bei Kooperationen, können jederzeit widerrufen werden (Art. 6 Abs. 1 lit. a DSGVO).

4. Cookies und externe Dienste
Das Portal setzt nur technisch notwendige Cookies (Sitzung, Sprachwahl, Schutz vor
Formularmissbrauch). Es lädt keine Inhalte von anderen Servern, nutzt keine
Webfonts von Drittanbietern und keine Analyse- oder Trackingdienste.

5. Speicherdauer
Daten werden gelöscht, sobald sie für den Zweck nicht mehr erforderlich sind;
Anmeldedaten vergangener Veranstaltungen werden nach Ablauf der Aufbewahrungsfrist
gelöscht.

6. Ihre Rechte
Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der
Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15 bis 21 DSGVO) sowie das
Recht auf Beschwerde bei einer Datenschutz-Aufsichtsbehörde, in Nordrhein-Westfalen
bei der Landesbeauftragten für Datenschutz und Informationsfreiheit."""

PRIVACY_EN = """\
Privacy policy

1. Controller
Netzwerkportal Demo e.V. (fictional), Musterstraße 1, 44135 Dortmund, Germany,
e-mail: datenschutz@demo.example.

2. What data we process
- User account: name, e-mail address, chosen language and an encrypted password.
- Profiles of organisations and contact persons: only what the organisation enters;
  a person's e-mail address and phone number are shown only where released.
- Event registrations: attendees, organisation, chosen workshops, access needs and
  check-in time.
- Cooperation offers, requests and expressions of interest.

3. Purposes and legal bases
We process the data to run the portal for the networks and their members
(Art. 6 (1) (b) GDPR), to organise events (Art. 6 (1) (b) GDPR) and to operate the
portal securely (Art. 6 (1) (f) GDPR). Consent, for example to pass on contact details
for a cooperation, can be withdrawn at any time (Art. 6 (1) (a) GDPR).

4. Cookies and external services
The portal sets only technically necessary cookies (session, language choice,
protection against forged forms). It loads nothing from other servers and uses no
third-party web fonts, analytics or tracking.

5. Retention
Data is deleted as soon as it is no longer needed for its purpose; registrations for
past events are deleted when the retention period ends.

6. Your rights
You have the right of access, rectification, erasure, restriction of processing, data
portability and objection (Art. 15 to 21 GDPR), and the right to lodge a complaint
with a data protection supervisory authority, in North Rhine-Westphalia the State
Commissioner for Data Protection and Freedom of Information."""

ACCESSIBILITY_DE = """\
Erklärung zur Barrierefreiheit

Wir möchten das Netzwerkportal für alle Menschen nutzbar machen. Grundlage sind die
Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA und die europäische Norm
EN 301 549.

Stand der Vereinbarkeit
Das Portal ist weitgehend mit den Anforderungen vereinbar. Alle Seiten funktionieren
ohne JavaScript, lassen sich mit der Tastatur bedienen und sind auf Deutsch und
Englisch verfügbar.

Nicht barrierefreie Inhalte
- Von Organisationen hochgeladene Dokumente (zum Beispiel Programme als PDF) sind
  nicht in jedem Fall barrierefrei.

Feedback und Kontakt
Sind Ihnen Mängel aufgefallen? Schreiben Sie an barrierefreiheit@demo.example
oder rufen Sie an unter 0231 000000-00. Wir antworten innerhalb von zwei Wochen.

Schlichtungsverfahren
Bleibt Ihre Rückmeldung ohne zufriedenstellende Antwort, können Sie sich an die für
Ihr Bundesland zuständige Schlichtungsstelle wenden.

Diese Erklärung wurde für die Demo-Installation erstellt."""

ACCESSIBILITY_EN = """\
Accessibility statement

We want everybody to be able to use the Network Portal. We follow the Web Content
Accessibility Guidelines (WCAG) 2.1 at level AA and the European standard EN 301 549.

Compliance status
The portal is largely compliant. Every page works without JavaScript, can be used with
the keyboard and is available in German and English.

Content that is not accessible
- Documents uploaded by organisations (for example programmes as PDF) are not always
  accessible.

Feedback and contact
Have you found a barrier? Write to barrierefreiheit@demo.example or call
+49 231 000000-00. We answer within two weeks.

Conciliation procedure
If you do not receive a satisfactory answer, you may contact the conciliation body
responsible for your federal state.

This statement was written for the demo installation."""

LEGAL_TEXTS = {
    "impressum": (IMPRINT_DE, IMPRINT_EN),
    "datenschutz": (PRIVACY_DE, PRIVACY_EN),
    "barrierefreiheit": (ACCESSIBILITY_DE, ACCESSIBILITY_EN),
}
