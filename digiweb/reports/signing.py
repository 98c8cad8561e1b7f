"""The electronic seal of approved documents: PAdES signatures with pyHanko, and their check.

The certificate is the ministry's, given by the environment: `SIGNING_PKCS12` (the path of a
PKCS#12 file holding the key and its certificate) and `SIGNING_PASSPHRASE`. When none is given,
a self-signed demo certificate is created once under the instance folder (`SIGNING_DEMO_DIR`,
instance/signing/), its subject saying that it is a demo and not a ministry certificate, so that
`make run` and the demo can approve minutes; nobody would mistake its signature for a real one.

`check(content)` validates the signature of a PDF with pyHanko against that same certificate as
the only trust root (no network: nothing is fetched), and says whether it is intact, trusted and
covers the whole file.
"""

from __future__ import annotations

import asyncio
import atexit
import contextvars
import datetime as dt
import io
import logging
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from flask import current_app
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)

DEMO_SUBJECT = "digiweb DEMO — not a real ministry certificate"
DEMO_FILE = "demo-signing.p12"
FIELD_NAME = "MinistrySeal"

_lock = threading.Lock()
_loaded: dict[tuple, signers.SimpleSigner] = {}
_test_folder: list[Path] = []


class SigningUnavailable(RuntimeError):
    """The configured certificate cannot be read (missing file, wrong passphrase)."""


# --- the certificate -----------------------------------------------------------------------


def demo_folder() -> Path:
    """Where the demo certificate lives: SIGNING_DEMO_DIR, else (tests) a folder of this
    process, removed at exit."""
    configured = current_app.config.get("SIGNING_DEMO_DIR")
    if configured:
        return Path(configured)
    if not _test_folder:
        folder = Path(tempfile.mkdtemp(prefix="digiweb-signing-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _test_folder.append(folder)
    return _test_folder[0]


def create_demo_certificate(path: Path, subject: str = DEMO_SUBJECT) -> None:
    """A self-signed certificate and its key, as an unencrypted PKCS#12 file readable by its
    owner only (written aside, then moved in place: never seen half written)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, subject),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "digiweb demo"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DZ"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"digiweb-demo", key, certificate, None, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(data)
    partial.chmod(0o600)
    partial.replace(path)


def certificate_source() -> tuple[Path, bytes | None, bool]:
    """(PKCS#12 path, passphrase, is the demo): the configured certificate, else the demo one
    (created on first use)."""
    configured = current_app.config.get("SIGNING_PKCS12") or ""
    if configured:
        passphrase = current_app.config.get("SIGNING_PASSPHRASE") or ""
        return Path(configured), passphrase.encode() or None, False
    path = demo_folder() / DEMO_FILE
    with _lock:
        if not path.exists():
            logger.warning("no SIGNING_PKCS12 configured: creating the demo certificate %s", path)
            create_demo_certificate(path)
    return path, None, True


def signer() -> signers.SimpleSigner:
    """The signer of the configured (or demo) certificate, read once per file version."""
    path, passphrase, _demo = certificate_source()
    try:
        key = (str(path), path.stat().st_mtime_ns, passphrase)
    except OSError as error:
        raise SigningUnavailable(f"cannot read the signing certificate {path}: {error}") from None
    with _lock:
        if key not in _loaded:
            loaded = signers.SimpleSigner.load_pkcs12(str(path), passphrase=passphrase)
            if loaded is None:
                raise SigningUnavailable(f"cannot open the signing certificate {path}")
            _loaded.clear()
            _loaded[key] = loaded
        return _loaded[key]


def trusted_certificate() -> asn1_x509.Certificate:
    return signer().signing_cert


def signer_name() -> str:
    """The common name of the signing certificate (the demo one says it is a demo)."""
    return trusted_certificate().subject.native.get("common_name", "")


# --- signing ---------------------------------------------------------------------------------


def _outside_event_loop(function, *args, **kwargs):
    """pyHanko's synchronous calls run their own coroutine with asyncio.run, which refuses to
    start inside a thread whose event loop is running (an async server or worker, or a
    Playwright session in the test process). There, the call runs in a thread of its own, with
    this thread's context (the Flask app and request)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(context.run, function, *args, **kwargs).result()


def sign(content: bytes, *, reason: str, location: str) -> bytes:
    """`content` with a PAdES signature (B-B) of the whole file added as an incremental update:
    the original bytes stay the first revision, untouched."""
    writer = IncrementalPdfFileWriter(io.BytesIO(content), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=signer_name(),
    )
    output = io.BytesIO()
    _outside_event_loop(signers.sign_pdf, writer, metadata, signer=signer(), output=output)
    return output.getvalue()


# --- checking --------------------------------------------------------------------------------


@dataclass
class SignatureCheck:
    ok: bool
    reason: str = ""
    signer: str = ""


def check(content: bytes) -> SignatureCheck:
    """Is `content` signed by the configured (or demo) certificate, with the signature intact
    and covering the whole file? `reason` says what is wrong otherwise."""
    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_signatures
    except Exception as error:  # any unreadable file is "not a signed PDF"
        return SignatureCheck(False, f"not a readable PDF ({type(error).__name__})")
    if not signatures:
        return SignatureCheck(False, "the file carries no signature")
    context = ValidationContext(trust_roots=[trusted_certificate()], allow_fetching=False)
    signature = signatures[-1]
    try:
        status = _outside_event_loop(
            validate_pdf_signature, signature, signer_validation_context=context
        )
    except (SignatureValidationError, ValueError) as error:
        return SignatureCheck(False, f"the signature cannot be validated: {error}")
    name = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    if not status.intact or not status.valid:
        return SignatureCheck(False, "the signature does not match the content", name)
    if not status.trusted:
        return SignatureCheck(False, "the signature is not by the ministry's certificate", name)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(False, "the file was changed after it was signed", name)
    return SignatureCheck(True, "", name)
