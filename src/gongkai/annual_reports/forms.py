from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_FILES = 20
MAX_FILE_BYTES = 20 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            raise ValidationError(_("请选择至少一个报告文件。"), code="required")
        if len(files) > MAX_FILES:
            raise ValidationError(
                _(
                    "一次最多上传 %(n)s 个文件；更多文件请使用 gongkai report audit 命令。"
                ),
                params={"n": MAX_FILES},
                code="too_many",
            )
        for upload in files:
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError(
                    _("文件 %(name)s 超过 20 MB。"),
                    params={"name": upload.name},
                    code="too_big",
                )
        return files


class ReportUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("年度报告文件"),
        help_text=_(
            "可一次选择多个文件：PDF、HTML、Word（DOCX）、文本或规范 JSON，每个不超过 20 MB。"
        ),
    )
