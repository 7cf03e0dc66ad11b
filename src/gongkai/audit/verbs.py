"""Human-readable labels of audit verbs.

A verb is ``<app>.<service>``, stable once written.  Apps register labels
for their verbs (``register_verbs`` in their ``AppConfig.ready``) so the
log reads as business events in Chinese.
"""

from django.utils.translation import gettext_lazy as _

_LABELS: dict[str, str] = {}


def register_verbs(labels: dict[str, str]) -> None:
    _LABELS.update(labels)


def label_for(verb: str) -> str:
    return str(_LABELS.get(verb, verb))


def choices() -> list[tuple[str, str]]:
    """Return (verb, label) pairs sorted by verb, for filter forms."""
    return sorted(((verb, str(label)) for verb, label in _LABELS.items()))


register_verbs(
    {
        "audit.view_personal_data": _("查看个人信息"),
    }
)
