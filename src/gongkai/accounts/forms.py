from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.forms import ParentChoiceField
from gongkai.organisations.models import Agency

from .models import Role


class OtpForm(forms.Form):
    code = forms.CharField(
        label=_("动态口令"),
        max_length=8,
        help_text=_("打开手机上的身份验证器，输入显示的 6 位数字。"),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )


class RoleForm(forms.Form):
    agency = ParentChoiceField(queryset=Agency.objects.none(), label=_("机关"))
    role = forms.ChoiceField(choices=Role.choices, label=_("角色"))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class PersonForm(SetPasswordMixin, RoleForm):
    """A new staff member with a first role."""

    username = forms.CharField(label=_("用户名"), max_length=150)
    full_name = forms.CharField(label=_("姓名"), max_length=50)
    phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    password1, password2 = SetPasswordMixin.create_password_fields()

    field_order = [
        "username",
        "full_name",
        "phone",
        "password1",
        "password2",
        "agency",
        "role",
    ]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username=username).exists():
            raise forms.ValidationError(_("该用户名已被使用。"))
        return username

    def clean(self):
        self.validate_passwords()
        candidate = get_user_model()(
            username=self.cleaned_data.get("username", ""),
            full_name=self.cleaned_data.get("full_name", ""),
        )
        self.validate_password_for_user(candidate)
        return super().clean()


class ResetPasswordForm(SetPasswordMixin, forms.Form):
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        self.validate_passwords()
        self.validate_password_for_user(self.user)
        return super().clean()
