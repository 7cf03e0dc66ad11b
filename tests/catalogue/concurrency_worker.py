"""Helper processes for the multi-process publishing test on an SQLite file
(``test_index_numbers.py``): ``prepare N`` builds N reviewed drafts of N
agencies sharing one index-number prefix and prints ``doc_pk:reviewer_pk``
pairs; ``publish DOC REVIEWER START`` waits until the epoch time START and
publishes.  Run with ``DATABASE_URL`` naming the migrated file."""

import sys
import time
from datetime import date


def _setup():
    import django

    django.setup()


def prepare(count: int) -> None:
    from gongkai.accounts.models import Role
    from gongkai.catalogue import services
    from gongkai.organisations.demo import build_demo_world
    from tests.catalogue.conftest import draft
    from tests.organisations.world import make_person

    world = build_demo_world()
    agencies = (world.district_agencies + [world.city, world.province])[:count]
    for i, agency in enumerate(agencies):
        head = make_person(f"h{i}", f"负责人{i}", agency, Role.HEAD)
        clerk = make_person(f"c{i}", f"经办人{i}", agency, Role.HANDLER)
        reviewer = make_person(f"r{i}", f"审核人{i}", agency, Role.PUBLICATION_REVIEWER)
        services.update_index_scheme(
            head, agency, prefix_source="custom", custom_prefix="SHARED", period="year"
        )
        document = draft(clerk, agency, title=f"并发发布{i}")
        services.record_review(reviewer, document, conclusion="approved")
        print(f"{document.pk}:{reviewer.pk}")


def publish(document_pk: int, reviewer_pk: int, start: float) -> None:
    from django.contrib.auth import get_user_model

    from gongkai.catalogue import services
    from gongkai.catalogue.models import Document

    document = Document.objects.get(pk=document_pk)
    reviewer = get_user_model().objects.get(pk=reviewer_pk)
    time.sleep(max(0.0, start - time.time()))
    services.publish_document(reviewer, document, today=date(2023, 6, 1))


if __name__ == "__main__":
    _setup()
    if sys.argv[1] == "prepare":
        prepare(int(sys.argv[2]))
    else:
        publish(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
