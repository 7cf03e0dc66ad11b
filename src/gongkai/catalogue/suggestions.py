"""Finding information that several applicants asked for (《条例》第四十四条).

多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，
行政机关可以纳入主动公开的范围。  The requests are grouped by what they
asked for: descriptions are normalised (punctuation and the usual
application phrases removed) and compared by their sets of adjacent
character pairs (Jaccard similarity).  A group with requests from at least
``min_applicants`` different applicants, of information found disclosable,
becomes a suggestion.  Pure functions; the applications app supplies the
``RequestedInfo`` records.
"""

import re
import unicodedata
from dataclasses import dataclass, field

# Words that say "I apply for" rather than what is asked for.
FILLER = (
    "申请公开",
    "请求公开",
    "要求公开",
    "依申请",
    "政府信息",
    "相关信息",
    "有关信息",
    "复印件",
    "电子版",
    "请提供",
    "提供",
    "申请",
    "关于",
    "贵单位",
    "贵机关",
    "本人",
    "我们",
    "的",
)
THRESHOLD = 0.6
MIN_APPLICANTS = 2


@dataclass(frozen=True)
class RequestedInfo:
    reference: str  # the application's number, as staff know it
    applicant: str  # anything that tells applicants apart
    description: str  # 申请公开的政府信息
    disclosable: bool = True  # answered 予以公开 or 部分公开


@dataclass
class Candidate:
    signature: str
    description: str
    references: list[str] = field(default_factory=list)
    applicants: set[str] = field(default_factory=set)

    @property
    def applicant_count(self) -> int:
        return len(self.applicants)


def signature(description: str) -> str:
    """Return the comparable core of a description."""
    text = unicodedata.normalize("NFKC", description).lower()
    for word in FILLER:
        text = text.replace(word, "")
    return "".join(re.findall(r"\w+", text))[:200]


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    """Return the Jaccard similarity of two signatures' character pairs."""
    if not a or not b:
        return 0.0
    pa, pb = _pairs(a), _pairs(b)
    return len(pa & pb) / len(pa | pb)


def _place(candidates: list[Candidate], request: RequestedInfo, threshold: float):
    sig = signature(request.description)
    if not sig:
        return
    for candidate in candidates:
        if similarity(sig, candidate.signature) >= threshold:
            break
    else:
        candidate = Candidate(sig, request.description.strip()[:300])
        candidates.append(candidate)
    candidate.references.append(request.reference)
    candidate.applicants.add(request.applicant)


def candidates(
    requests: list[RequestedInfo],
    *,
    threshold: float = THRESHOLD,
    min_applicants: int = MIN_APPLICANTS,
) -> list[Candidate]:
    """Return groups of disclosable requests for the same information from
    at least ``min_applicants`` applicants, largest first."""
    groups: list[Candidate] = []
    for request in requests:
        if request.disclosable:
            _place(groups, request, threshold)
    found = [g for g in groups if g.applicant_count >= min_applicants]
    return sorted(found, key=lambda g: (-g.applicant_count, g.signature))
