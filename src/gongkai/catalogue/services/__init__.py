"""Every change to the catalogue goes through these functions.  Each takes
the acting user, checks permissions, runs in one durable transaction and
writes one audit entry."""

from .columns import delete_standard_entry, save_standard_entry, update_guide
from .drafting import (
    DRAFT_FIELDS,
    add_attachment,
    draft_document,
    remove_attachment,
    update_document,
)
from .engagement import (
    delete_concern_response,
    record_platform_update,
    save_concern_response,
    save_platform,
)
from .numbering import next_index_number, update_index_scheme
from .publication import (
    change_validity,
    file_document,
    publication_problems,
    publish_document,
    record_review,
    reevaluate_document,
    withdraw_document,
)
from .suggestions import accept_suggestion, dismiss_suggestion, refresh_suggestions
from .yearly import import_article20_figures, record_article20_figures

__all__ = [
    "DRAFT_FIELDS",
    "accept_suggestion",
    "add_attachment",
    "change_validity",
    "delete_concern_response",
    "delete_standard_entry",
    "dismiss_suggestion",
    "draft_document",
    "file_document",
    "import_article20_figures",
    "next_index_number",
    "publication_problems",
    "publish_document",
    "record_article20_figures",
    "record_platform_update",
    "record_review",
    "reevaluate_document",
    "refresh_suggestions",
    "remove_attachment",
    "save_concern_response",
    "save_platform",
    "save_standard_entry",
    "update_document",
    "update_guide",
    "update_index_scheme",
    "withdraw_document",
]
