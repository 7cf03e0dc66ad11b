"""Time-based one-time passwords (RFC 6238) for the optional second factor.

Codes are 6 digits over 30-second steps, as every authenticator app
(微信/支付宝 小程序, Google Authenticator, FreeOTP, 腾讯身份验证器) makes them.
One step of clock drift either way is accepted.
"""

import hmac
from datetime import datetime

import pyotp
import segno

ISSUER = "Gongkai"
DRIFT_STEPS = 1


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account: str, issuer: str = ISSUER) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer)


def qr_data_uri(uri: str) -> str:
    """Return an ``<img src>`` for the QR code of ``uri`` (an SVG data URI:
    no inline style or script, so the strict CSP allows it)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def matching_step(secret: str, code: str, when: datetime) -> int | None:
    """Return the time step whose code equals ``code`` (within the allowed
    drift of ``when``), or None."""
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(when)
    for step in range(now_step - DRIFT_STEPS, now_step + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def code_at(secret: str, when: datetime) -> str:
    """Return the code an authenticator app shows at ``when`` (tests, demo)."""
    return pyotp.TOTP(secret).at(when)
