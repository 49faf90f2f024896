"""URLs of the cooperations app (namespace "cooperations").

``kooperationen/neu/``, ``eigene/`` and ``feed.atom`` are fixed words; listings are numbers.
"""

from django.urls import path

from cooperations import urls_interests, urls_projects
from cooperations.feeds import PublicListingsFeed
from cooperations.views import extension, listings, marketplace

app_name = "cooperations"

LISTING = "kooperationen/<int:pk>/"

urlpatterns = [
    path("kooperationen/", marketplace.marketplace, name="marketplace"),
    path("kooperationen/feed.atom", PublicListingsFeed(), name="feed"),
    path("kooperationen/neu/", listings.listing_create, name="listing_create"),
    path("kooperationen/eigene/", listings.my_listings, name="my_listings"),
    path(LISTING, listings.listing_detail, name="listing"),
    path(f"{LISTING}bearbeiten/", listings.listing_edit, name="listing_edit"),
    path(f"{LISTING}veroeffentlichen/", listings.listing_publish, name="listing_publish"),
    path(f"{LISTING}schliessen/", listings.listing_close, name="listing_close"),
    path("kooperationen/verlaengern/<str:token>/", extension.listing_extend, name="extend"),
]

urlpatterns += urls_interests.urlpatterns  # interest, introductions, My cooperations, digest
urlpatterns += urls_projects.urlpatterns  # projects, the managers' view of cooperations
