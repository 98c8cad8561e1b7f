"""E-mail copies of the workflow notifications, when SMTP is configured (MAIL_SERVER...).

Messages are built inside the action (in each recipient's language) and sent after its commit,
through one SMTP connection. A failure is logged and never undoes nor breaks the action: the
in-app notification is there anyway.
"""

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from digiweb.i18n import LANGUAGES
from digiweb.notifications.services import render_text

SMTP_TIMEOUT = 10  # seconds


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    lang: str
    # (filename, content type, bytes): an invitation's .ics, for instance
    attachments: tuple = ()


def enabled() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def _absolute(link: str) -> str:
    """A link of the application made absolute with BASE_URL, never with the request's Host
    header (a request sent with `Host: evil.example` must not mail links to that host).
    Without BASE_URL (development) the path is left as it is."""
    base = current_app.config.get("BASE_URL", "")
    if link.startswith("/") and base:
        return base.rstrip("/") + link
    return link


def notification_mails(pairs) -> list[Mail]:
    """The e-mails for [(user, notification)], each in its recipient's language; users without
    an address get none; nothing at all when SMTP is not configured."""
    if not enabled():
        return []
    mails = []
    for user, notification in pairs:
        if not user.email:
            continue
        lang = str(user.language) if str(user.language) in LANGUAGES else "ar"
        with force_locale(LANGUAGES[lang]):
            text = render_text(notification.kind, notification.params)
            lines = [text, ""]
            comment = notification.params.get("comment")
            if comment:
                lines += [_("Comment: %(comment)s", comment=comment), ""]
            if notification.link:
                lines += [_("Open the plan: %(link)s", link=_absolute(notification.link)), ""]
            lines.append(_("This message was sent by digiweb; please do not reply to it."))
            subject = _("[digiweb] %(text)s", text=text)
        mails.append(Mail(to=user.email, subject=subject, body="\n".join(lines), lang=lang))
    return mails


def _message(mail: Mail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message["Content-Language"] = mail.lang
    message.set_content(mail.body, charset="utf-8")
    for filename, content_type, data in mail.attachments:
        maintype, _sep, rest = content_type.partition("/")
        subtype, *pairs = (part.strip() for part in rest.split(";"))
        params = dict(pair.split("=", 1) for pair in pairs if "=" in pair)
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=filename, params=params
        )
    return message


def deliver(mails: list[Mail]) -> int:
    """Send the messages (after the action's commit); returns how many the server accepted."""
    if not mails or not enabled():
        return 0
    config = current_app.config
    sent = 0
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=SMTP_TIMEOUT) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD", ""))
            for mail in mails:
                try:
                    smtp.send_message(_message(mail, config["MAIL_FROM"]))
                    sent += 1
                except smtplib.SMTPException:
                    current_app.logger.exception("mail to %s refused", mail.to)
    except Exception:  # never let a mail problem break the action that was committed
        current_app.logger.exception("mail server %s unavailable", config["MAIL_SERVER"])
    return sent
