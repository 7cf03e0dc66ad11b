"""Letters (告知书): built-in wording, agency templates, text, DOCX and PDF."""
