"""The proactive-disclosure catalogue (政府信息公开目录, 《条例》第十九至二十六条).

Documents with the catalogue metadata of R41, index numbers (R42),
categories (R40, R49), 公开属性 set at drafting (R44), the 保密审查 before
publication (R45), re-evaluation of withheld items (R46, 第十八条), 政策解读
(R50), the yearly 第二十条 figures and section 二 of the annual report, the
第四十四条 suggestions, and the public search.

Where things are:

- ``models/``: ``Document`` (+ ``Attachment``, ``ConfidentialityReview``),
  ``Category``, ``IndexScheme``/``IndexSerial``, ``Article20Figures``,
  ``Guide``, ``StandardEntry``, ``ProactiveSuggestion``; ``engagement``:
  ``ConcernResponse`` (回应关切, 48-hour timeliness) and ``Platform``
  (websites and 政务新媒体 accounts with their last update, R69).
- ``services/``: every change, each with the acting user, one durable
  transaction and one audit entry (verbs in ``verbs.py``).
- ``selectors.py``: permission-checked fetchers, ``proactive_section`` /
  ``proactive_sections`` (section 二), ``flags_for`` (what needs attention).
- ``search/``: one interface, two backends (SQLite FTS5 trigram + bigram,
  PostgreSQL pg_trgm + bigram tsvector); ``listing.py`` pages lists and
  results by listing key (no OFFSET).
- The public pages are in ``gongkai.portal`` (``agency_views``,
  ``catalogue_views``, ``feeds``, ``sitemaps``); ``api.py`` is
  ``/api/catalogue/``.

Management commands: ``rebuild_search_index`` (rebuild the search index
from the published documents) and ``suggest_proactive`` (refresh the
第四十四条 suggestions from the applications; run daily).  Both are safe to
run twice.

Django settings (optional, no environment variable): ``CATALOGUE_
INTERPRETATION_WORKDAYS`` (3: working days before a missing 解读 is
flagged), ``CATALOGUE_REEVALUATION_MONTHS`` (12: period of re-evaluating
withheld items), ``CATALOGUE_ATTACHMENT_MAX_BYTES`` (20 MB) and
``CATALOGUE_PLATFORM_STALE_DAYS`` (14: days without update before a
platform is flagged); see ``docs/settings.md``.

Demo data: ``gongkai.catalogue.demo.build_demo_catalogue(world=None)``.
"""
