from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; unhashed names before collectstatic.

    Not strict, so a checkout that has not run ``collectstatic`` (tests, a
    first ``runserver``) still renders pages.
    """

    manifest_strict = False
