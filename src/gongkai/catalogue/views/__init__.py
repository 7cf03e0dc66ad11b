"""Staff pages of the catalogue (the public pages live in ``gongkai.portal``)."""
