"""Models of the catalogue; import them from here."""

from .categories import (
    INTERPRETATION_CATEGORY,
    SYSTEM_CATEGORY,
    Category,
    groups_for,
)
from .choices import (
    PUBLIC_ATTRIBUTES,
    Attribute,
    Audience,
    CategoryGroup,
    Channel,
    DisclosureMode,
    DocumentKind,
    Genre,
    ReviewConclusion,
    Status,
    SuggestionStatus,
    Tier,
    Topic,
    Validity,
)
from .documents import (
    KEY_SPAN,
    Attachment,
    ConfidentialityReview,
    Document,
    key_range_of_year,
    listing_key_for,
)
from .engagement import (
    NEW_MEDIA_KINDS,
    RESPONSE_HOURS,
    ConcernChannel,
    ConcernResponse,
    Platform,
    PlatformKind,
    Timeliness,
)
from .guide import Guide, StandardEntry
from .numbering import IndexScheme, IndexSerial, Period, PrefixSource
from .suggestions import ProactiveSuggestion
from .yearly import Article20Figures

__all__ = [
    "INTERPRETATION_CATEGORY",
    "KEY_SPAN",
    "NEW_MEDIA_KINDS",
    "PUBLIC_ATTRIBUTES",
    "RESPONSE_HOURS",
    "SYSTEM_CATEGORY",
    "Article20Figures",
    "Attachment",
    "Attribute",
    "Audience",
    "Category",
    "CategoryGroup",
    "Channel",
    "ConcernChannel",
    "ConcernResponse",
    "ConfidentialityReview",
    "DisclosureMode",
    "Document",
    "DocumentKind",
    "Genre",
    "Guide",
    "IndexScheme",
    "IndexSerial",
    "Period",
    "Platform",
    "PlatformKind",
    "PrefixSource",
    "ProactiveSuggestion",
    "ReviewConclusion",
    "StandardEntry",
    "Status",
    "SuggestionStatus",
    "Tier",
    "Timeliness",
    "Topic",
    "Validity",
    "groups_for",
    "key_range_of_year",
    "listing_key_for",
]
