from cooperations.forms.listings import ListingForm
from cooperations.forms.marketplace import MarketplaceFilterForm

__all__ = ["ListingForm", "MarketplaceFilterForm"]
