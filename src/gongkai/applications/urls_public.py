"""Public pages under ``/apply/``: anyone may apply and follow a case."""

from django.urls import path

from .views import public, record_corrections

app_name = "apply"
urlpatterns = [
    path("", public.apply_index, name="index"),
    path("<int:agency_pk>/", public.apply_form, name="form"),
    path("submitted/", public.submitted, name="submitted"),
    path("track/", public.track, name="track"),
    path("track/case/", public.track_case, name="track_case"),
    path("track/correction/", public.track_correction, name="track_correction"),
    path(
        "track/letters/<int:letter_pk>.<str:fmt>",
        public.track_letter,
        name="track_letter",
    ),
    path("fees/", public.fee_calculator, name="fees"),
    # 更正申请 (《条例》第四十一条)
    path(
        "<int:agency_pk>/record-correction/",
        record_corrections.public_form,
        name="record_form",
    ),
    path(
        "record-correction/submitted/",
        record_corrections.public_submitted,
        name="record_submitted",
    ),
    path(
        "track/record-correction/",
        record_corrections.public_track,
        name="record_track",
    ),
    path(
        "track/record-correction/notice.<str:fmt>",
        record_corrections.public_notice,
        name="record_track_notice",
    ),
]
