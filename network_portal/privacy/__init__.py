"""Data protection (DSGVO): the consent ledger, the data export, account deletion and
colleague removal, retention, and the processing record.

Entry points for the apps: ``consent.consent_give`` / ``consent.consent_withdraw`` where a
person agrees or stops, ``export.exporter`` to add a section to the data export.
"""
