"""The fixed demo sign-ins, one for each role; created only when DEBUG is on."""

from network_portal.demo.networks import INDIE
from network_portal.demo.records import AccountSeed

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - published in the README, DEBUG only

ACCOUNTS = (
    AccountSeed(
        email="admin@demo.example",
        first_name="Paul",
        last_name="Brenner",
        platform_admin=True,
    ),
    AccountSeed(
        email="manager@demo.example",
        first_name="Miriam",
        last_name="Brandt",
        manages=(INDIE,),
        organisation="en-agentur",
        role="staff",
        function="Netzwerkmanagement In|Die RegionRuhr",
        phone="02324 000000-14",
    ),
    AccountSeed(
        email="firma@demo.example",
        first_name="Jan",
        last_name="Wiesmann",
        organisation="f-hesterberg-soehne",
        role="admin",
        function="Leitung Personal und Ausbildung",
        phone="02333 000000-15",
    ),
    AccountSeed(
        email="kollegin@demo.example",
        first_name="Sabine",
        last_name="Korte",
        organisation="f-hesterberg-soehne",
        role="staff",
        function="Ausbilderin Metall",
        phone="02333 000000-16",
    ),
    AccountSeed(
        email="partner@demo.example",
        first_name="Heike",
        last_name="Lorenz",
        organisation="sihk-hagen",
        role="staff",
        function="Referentin Industrie und Innovation",
        phone="02331 000000-25",
    ),
)
