"""allauth adapter: accounts carry the language chosen when signing up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.language = (get_language() or "de")[:2]
        if commit:
            user.save()
        return user
