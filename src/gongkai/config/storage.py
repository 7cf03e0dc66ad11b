from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; plain names before collectstatic.

    A checkout that has not run ``collectstatic`` (tests, a first
    ``runserver``) still renders pages: a name missing from the manifest and
    from ``STATIC_ROOT`` is served unhashed instead of raising.
    """

    manifest_strict = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            return name
