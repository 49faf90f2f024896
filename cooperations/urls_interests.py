"""URLs of interest, introductions, "My cooperations" and the digest (namespace "cooperations").

``cooperations.urls`` adds these patterns to its own, so they share its namespace.
"""

from django.urls import path

from cooperations.views import digests, interests, introductions, mine

INTEREST = "kooperationen/interessen/<int:pk>/"
INTRODUCTION = "kooperationen/vorstellungen/<int:pk>/"

urlpatterns = [
    path("kooperationen/<int:pk>/interesse/", interests.interest_create, name="interest_create"),
    path(INTEREST, interests.interest_detail, name="interest"),
    path(f"{INTEREST}antworten/", interests.interest_answer, name="interest_answer"),
    path(f"{INTEREST}zurueckziehen/", interests.interest_withdraw, name="interest_withdraw"),
    path(
        "kooperationen/vorstellen/", introductions.introduction_create, name="introduction_create"
    ),
    path(INTRODUCTION, introductions.introduction_detail, name="introduction"),
    path(
        f"{INTRODUCTION}antworten/", introductions.introduction_answer, name="introduction_answer"
    ),
    path(
        f"{INTRODUCTION}zurueckziehen/",
        introductions.introduction_withdraw,
        name="introduction_withdraw",
    ),
    path("meine-kooperationen/", mine.my_cooperations_page, name="mine"),
    path("meine-kooperationen/wochenuebersicht/", digests.digest_toggle, name="digest_toggle"),
    path(
        "kooperationen/wochenuebersicht/abmelden/<str:token>/",
        digests.digest_unsubscribe,
        name="digest_unsubscribe",
    ),
]
