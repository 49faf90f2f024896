"""Forms of the members app, one module per area; import from the modules."""

from members.forms.accounts import SignupProfileForm
from members.forms.directory import DirectoryFilterForm

__all__ = ["DirectoryFilterForm", "SignupProfileForm"]
