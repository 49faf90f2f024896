"""The Atom feed of public listings: what anybody may see in the marketplace."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from cooperations import access
from cooperations.models import Listing

FEED_SIZE = 50


class PublicListingsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Cooperation offers and requests")
    subtitle = _("New offers and requests of the networks' members, visible to everybody.")

    def link(self) -> str:
        return reverse("cooperations:marketplace")

    def items(self):
        listings = access.live_listings_visible_to(AnonymousUser())
        return (
            listings.select_related("organisation")
            .prefetch_related("topics")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Listing) -> str:
        return f"{item.get_kind_display().capitalize()}: {item.title}"

    def item_description(self, item: Listing) -> str:
        return item.summary

    def item_author_name(self, item: Listing) -> str:
        return item.organisation.name

    def item_pubdate(self, item: Listing):
        return item.published_at

    def item_updateddate(self, item: Listing):
        return item.updated_at

    def item_categories(self, item: Listing) -> list[str]:
        return [topic.label for topic in item.topics.all()]
