"""Forms of the events app, one module per area; import from the modules."""

from events.forms.registration import RegistrationForm

__all__ = ["RegistrationForm"]
