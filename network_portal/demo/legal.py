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

Diese Vorlage beschreibt, was das Netzwerkportal mit personenbezogenen Daten tut. Der
Betreiber ergänzt die Angaben zu sich selbst, zum Hosting und zum E-Mail-Versand.

1. Verantwortlicher
Netzwerkportal Demo e.V. (fiktiv), Musterstraße 1, 44135 Dortmund,
E-Mail: datenschutz@demo.example.

2. Welche Daten wir verarbeiten
- Benutzerkonto: Name, E-Mail-Adresse, gewählte Sprache, ein verschlüsseltes Passwort
  und, falls eingerichtet, der Schlüssel für die Zwei-Faktor-Anmeldung.
- Profile von Organisationen und Kontaktpersonen: nur die Angaben, die die Organisation
  einträgt; E-Mail-Adresse und Telefonnummer einer Person erscheinen nur, wenn sie
  dafür freigegeben sind.
- Anmeldungen zu Veranstaltungen: Teilnehmende, Organisation, Workshopwahl,
  Hinweise zur Barrierefreiheit und Check-in-Zeit.
- Kooperationsangebote, -gesuche, Interessensbekundungen und die wöchentliche Übersicht.
- E-Mails, die das Portal versendet (Empfänger, Betreff, Inhalt, Zustellstatus).
- Ein Protokoll sicherheitsrelevanter Aktionen (wer hat wann was geändert).

3. Zwecke und Rechtsgrundlagen
Wir verarbeiten die Daten, um das Portal für die Netzwerke und ihre Mitglieder zu
betreiben (Art. 6 Abs. 1 lit. b DSGVO) und um das Portal sicher zu betreiben
(Art. 6 Abs. 1 lit. f DSGVO). Für die Anmeldung zu Veranstaltungen, die Anzeige als
Kontaktperson im Mitgliederverzeichnis und die wöchentliche Kooperationsübersicht holen
wir Ihre Einwilligung ein (Art. 6 Abs. 1 lit. a DSGVO, für Hinweise zur Barrierefreiheit
Art. 9 Abs. 2 lit. a DSGVO). Wir speichern, welcher Fassung des Einwilligungstextes Sie
wann zugestimmt haben.

4. Einwilligungen widerrufen
Sie können jede Einwilligung jederzeit mit einem Klick unter „Meine Daten“ widerrufen.
Beim Widerruf der Einwilligung zu einer Veranstaltung löschen wir Ihre Hinweise zur
Barrierefreiheit sofort und stornieren die Anmeldung, wenn die Veranstaltung noch nicht
begonnen hat.

5. Cookies und externe Dienste
Das Portal setzt nur technisch notwendige Cookies: das Sitzungscookie (Anmeldung,
Hinweise nach einer Aktion), das Cookie zum Schutz vor gefälschten Formularen (CSRF) und,
wenn Sie die Sprache wechseln, das Sprachcookie. Deshalb gibt es keinen Cookie-Banner.
Das Portal lädt keine Inhalte von anderen Servern, nutzt keine Webfonts von
Drittanbietern und keine Analyse- oder Trackingdienste.

6. Speicherdauer
- Hinweise zur Barrierefreiheit werden gelöscht, sobald die Veranstaltung vorbei ist.
- Anmeldungen zu Veranstaltungen werden 24 Monate nach dem Ende der Veranstaltung
  anonymisiert: Die Anmeldung zählt weiter für die Statistik, nennt aber niemanden mehr.
  Das erledigt eine tägliche automatische Aufgabe.
- Wenn Sie Ihr Konto löschen, werden Ihre personenbezogenen Daten sofort gelöscht oder
  anonymisiert; die Daten Ihrer Organisation bleiben erhalten.
- Im Übrigen löschen wir Daten, sobald sie für den Zweck nicht mehr erforderlich sind.

7. Ihre Rechte
Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der
Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15 bis 21 DSGVO). Unter
„Meine Daten“ sehen Sie alle Daten, die das Portal über Sie speichert, laden sie als
JSON-Datei herunter und löschen Ihr Konto selbst. Sie haben außerdem das Recht auf
Beschwerde bei einer Datenschutz-Aufsichtsbehörde, in Nordrhein-Westfalen bei der
Landesbeauftragten für Datenschutz und Informationsfreiheit."""

PRIVACY_EN = """\
Privacy policy

This template describes what the Network Portal does with personal data. The operator
adds the details about themselves, the hosting and the mail delivery.

1. Controller
Netzwerkportal Demo e.V. (fictional), Musterstraße 1, 44135 Dortmund, Germany,
e-mail: datenschutz@demo.example.

2. What data we process
- User account: name, e-mail address, chosen language, an encrypted password and, if set
  up, the key for two-factor sign-in.
- Profiles of organisations and contact persons: only what the organisation enters;
  a person's e-mail address and phone number are shown only where released.
- Event registrations: attendees, organisation, chosen workshops, access needs and
  check-in time.
- Cooperation offers, requests, expressions of interest and the weekly digest.
- Mails the portal sends (recipient, subject, content, delivery status).
- A log of security-relevant actions (who changed what, and when).

3. Purposes and legal bases
We process the data to run the portal for the networks and their members
(Art. 6 (1) (b) GDPR) and to operate the portal securely (Art. 6 (1) (f) GDPR). For
event registrations, being shown as a contact in the member directory and the weekly
cooperation digest we ask for your consent (Art. 6 (1) (a) GDPR; for access needs
Art. 9 (2) (a) GDPR). We record which version of the consent text you agreed to, and when.

4. Withdrawing consent
You can withdraw any consent at any time with one click under "My data". When you
withdraw the consent for an event, we delete your access needs at once and cancel the
registration if the event has not started yet.

5. Cookies and external services
The portal sets only strictly necessary cookies: the session cookie (sign-in, notices
after an action), the cookie that protects against forged forms (CSRF) and, when you
change the language, the language cookie. That is why there is no cookie banner. The
portal loads nothing from other servers and uses no third-party web fonts, analytics or
tracking.

6. Retention
- Access needs are deleted as soon as the event is over.
- Event registrations are anonymised 24 months after the event ended: the registration
  still counts for the figures but names nobody. A daily automatic task does this.
- When you delete your account, your personal data is erased or anonymised at once; the
  data of your organisation stays.
- Otherwise we delete data as soon as it is no longer needed for its purpose.

7. Your rights
You have the right of access, rectification, erasure, restriction of processing, data
portability and objection (Art. 15 to 21 GDPR). Under "My data" you see everything the
portal holds about you, download it as a JSON file and delete your account yourself. You
also have the right to lodge a complaint with a data protection supervisory authority,
in North Rhine-Westphalia the State Commissioner for Data Protection and Freedom of
Information."""

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
