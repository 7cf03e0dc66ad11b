"""Public pages under ``/apply/``: anyone may apply and follow a case."""

from django.urls import path

from .views import public

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
]
