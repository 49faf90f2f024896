"""Formal German ("Sie") for django-allauth's informally worded German strings.

The portal addresses public agencies and chambers, so its German must use the formal "Sie".
django-allauth's German catalogue uses "du/dein" and informal imperatives ("Bitte bestätige
..."). Django looks messages up in LOCALE_PATHS (our ``locale/``) before the catalogues of
installed apps, so an entry with the same msgid in our catalogue wins over allauth's.

This module exists only so that ``manage.py makemessages`` extracts those msgids into
``locale/<lang>/LC_MESSAGES/django.po``; the formal translations come from
``locale_overrides/allauth_formal_de.po`` (merged with msgcat). Nothing imports this module at
run time. Every msgid must stay byte-identical to allauth's (spaces, line breaks, HTML and
placeholders included); when allauth is upgraded, compare them with
``allauth/locale/de/LC_MESSAGES/django.po`` again.
"""

from django.utils.translation import gettext_noop

ALLAUTH_FORMAL_MSGIDS = (
    # allauth: account/adapter.py
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("Please type your current password."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Username can not be used. Please use other username."),
    gettext_noop("Please select only one."),
    gettext_noop("Be patient, you are sending too many requests."),
    # allauth: account/forms.py
    gettext_noop("You must type the same password each time."),
    gettext_noop("You must type the same email each time."),
    # allauth: idp/oidc/adapter.py
    gettext_noop("View your user ID"),
    gettext_noop("View your email address"),
    gettext_noop("View your basic profile information"),
    # allauth: idp/oidc/models.py
    gettext_noop(
        "The scope(s) the client is allowed to request. Provide one value per line, e.g.: "
        "openid(ENTER)profile(ENTER)email(ENTER)"
    ),
    gettext_noop(
        "In case the client does not specify any scope, these default scopes are used. "
        "Provide one value per line, e.g.: openid(ENTER)profile(ENTER)email(ENTER)"
    ),
    gettext_noop(
        "A list of allowed grant types. Provide one value per line, e.g.: "
        "authorization_code(ENTER)client_credentials(ENTER)refresh_token(ENTER)"
    ),
    gettext_noop(
        "A list of allowed response types. Provide one value per line, e.g.: "
        "code(ENTER)id_token token(ENTER)"
    ),
    # allauth: socialaccount/adapter.py
    gettext_noop(
        "An account already exists with this email address. Please sign in to that account "
        "first, then connect your %s account."
    ),
    gettext_noop("Your account has no password set up."),
    gettext_noop("Your account has no verified email address."),
    # allauth: templates/account/email.html
    gettext_noop("Do you really want to remove the selected email address?"),
    # allauth: templates/account/email/account_already_exists_message.txt
    gettext_noop(
        "You are receiving this email because you or someone else tried to signup for an\n"
        "account using email address:\n\n"
        "%(email)s\n\n"
        "However, an account using that email address already exists.  In case you have\n"
        "forgotten about this, please use the password forgotten procedure to recover\n"
        "your account:\n\n"
        "%(password_reset_url)s"
    ),
    # allauth: templates/account/email/base_message.txt
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    # allauth: templates/account/email/email_confirmation_subject.txt
    gettext_noop("Please Confirm Your Email Address"),
    # allauth: templates/account/email/password_changed_message.txt
    gettext_noop("Your password has been changed."),
    # allauth: templates/account/email/password_reset_key_message.txt
    gettext_noop(
        "You're receiving this email because you or someone else has requested a password "
        "reset for your user account.\n"
        "It can be safely ignored if you did not request a password reset. Click the link "
        "below to reset your password."
    ),
    gettext_noop("In case you forgot, your username is %(username)s."),
    # allauth: templates/account/email_change.html
    gettext_noop("Your email address is still pending verification."),
    # allauth: templates/account/email_confirm.html
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address '
        "for user %(user_display)s."
    ),
    gettext_noop(
        "This email confirmation link expired or is invalid. Please "
        '<a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    # allauth: templates/account/login.html
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    # allauth: templates/account/logout.html
    gettext_noop("Are you sure you want to sign out?"),
    # allauth: templates/account/messages/cannot_delete_primary_email.txt
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    # allauth: templates/account/messages/email_confirmed.txt
    gettext_noop("You have confirmed %(email)s."),
    # allauth: templates/account/messages/logged_out.txt
    gettext_noop("You have signed out."),
    # allauth: templates/account/password_reset.html
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an "
        "email allowing you to reset it."
    ),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    # allauth: templates/account/password_reset_done.html
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam "
        "folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    # allauth: templates/account/password_reset_from_key.html
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  "
        'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    # allauth: templates/account/password_reset_from_key_done.html
    gettext_noop("Your password is now changed."),
    # allauth: templates/account/phone_change.html
    gettext_noop("Your phone number is still pending verification."),
    # allauth: templates/account/signup.html
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    # allauth: templates/account/snippets/already_logged_in.html
    gettext_noop("You are already logged in as %(user_display)s."),
    # allauth: templates/account/snippets/warn_no_email.html
    gettext_noop(
        "You currently do not have any email address set up. You should really add an email "
        "address so you can receive notifications, reset your password, etc."
    ),
    # allauth: templates/account/verification_sent.html
    gettext_noop("Verify Your Email Address"),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize "
        "the signup process. If you do not see the verification email in your main inbox, "
        "check your spam folder. Please contact us if you do not receive the verification "
        "email within a few minutes."
    ),
    # allauth: templates/account/verified_email_required.html
    gettext_noop(
        "This part of the site requires us to verify that\n"
        "you are who you claim to be. For this purpose, we require that you\n"
        "verify ownership of your email address. "
    ),
    gettext_noop(
        "We have sent an email to you for\n"
        "verification. Please click on the link inside that email. If you do not see the "
        "verification email in your main inbox, check your spam folder. Otherwise\n"
        "contact us if you do not receive it within a few minutes."
    ),
    gettext_noop(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email '
        "address</a>."
    ),
    # allauth: templates/idp/oidc/authorization_form.html
    gettext_noop("%(client_name)s wants to access your %(site_name)s account."),
    # allauth: templates/idp/oidc/device_authorization_code_form.html
    gettext_noop("Enter the code displayed on your device."),
    # allauth: templates/idp/oidc/device_authorization_confirm_form.html
    gettext_noop("Please confirm the code shown on your %(client_name)s to authorize this device."),
    # allauth: templates/idp/oidc/device_authorization_confirmed.html
    gettext_noop("You successfully authorized your %(client_name)s device."),
    # allauth: templates/idp/oidc/device_authorization_denied.html
    gettext_noop("Authorization for your %(client_name)s device has been denied."),
    # allauth: templates/mfa/recovery_codes/generate.html
    gettext_noop("You are about to generate a new set of recovery codes for your account."),
    # allauth: templates/mfa/totp/deactivate_form.html
    gettext_noop(
        "You are about to deactivate authenticator app based authentication. Are you sure?"
    ),
    # allauth: templates/socialaccount/login.html
    gettext_noop("You are about to connect a new third-party account from %(provider)s."),
    gettext_noop("You are about to sign in using a third-party account from %(provider)s."),
    # allauth: templates/socialaccount/login_cancelled.html
    gettext_noop(
        "You decided to cancel logging in to our site using one of your existing accounts. "
        'If this was a mistake, please proceed to <a href="%(login_url)s">sign in</a>.'
    ),
    # allauth: templates/socialaccount/signup.html
    gettext_noop(
        "You are about to use your %(provider_name)s account to login to\n"
        "%(site_name)s. As a final step, please complete the following form:"
    ),
)
