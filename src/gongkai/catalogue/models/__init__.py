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
from .guide import Guide, StandardEntry
from .numbering import IndexScheme, IndexSerial, Period, PrefixSource
from .suggestions import ProactiveSuggestion
from .yearly import Article20Figures

__all__ = [
    "INTERPRETATION_CATEGORY",
    "KEY_SPAN",
    "PUBLIC_ATTRIBUTES",
    "SYSTEM_CATEGORY",
    "Article20Figures",
    "Attachment",
    "Attribute",
    "Audience",
    "Category",
    "CategoryGroup",
    "Channel",
    "ConfidentialityReview",
    "DisclosureMode",
    "Document",
    "DocumentKind",
    "Genre",
    "Guide",
    "IndexScheme",
    "IndexSerial",
    "Period",
    "PrefixSource",
    "ProactiveSuggestion",
    "ReviewConclusion",
    "StandardEntry",
    "Status",
    "SuggestionStatus",
    "Tier",
    "Topic",
    "Validity",
    "groups_for",
    "key_range_of_year",
    "listing_key_for",
]
