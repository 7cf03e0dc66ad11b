"""Pages of the applications app: public (apply, track, fees), staff case
pages, step actions and letter templates."""
