import contextlib
import copy
import json

from odoo.http import request
from odoo.service import model as service_model


def json_response(payload, status=200):
    return request.make_response(
        json.dumps(payload),
        headers=[("Content-Type", "application/json"), ("Cache-Control", "no-store")],
        status=status,
    )


def error(status, reason, **extra):
    return json_response(dict(extra, error=reason), status=status)


def bearer_token():
    header = request.httprequest.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or "\x00" in token or len(token) > 512:
        return None
    return token.strip()


_BODY_KEY = "rating_console.json_body"


def json_body():
    """The request body as a JSON object, or raise ValueError with the reason.

    Read and parsed once per HTTP request, then kept in the WSGI environ: when PostgreSQL meets
    a concurrency conflict (serialization failure, lock timeout), Odoo rolls back and calls the
    handler again (``odoo.service.model.retrying``); the retry must parse the same body, not an
    exhausted stream. A copy is returned, so that a first attempt cannot change what the retry
    reads.
    """
    environ = request.httprequest.environ
    if _BODY_KEY not in environ:
        raw = request.httprequest.get_data(cache=True)
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            body = ValueError(f"malformed JSON: {exc}")
        else:
            if not isinstance(body, dict):
                body = ValueError("the body must be a JSON object")
        environ[_BODY_KEY] = body
    body = environ[_BODY_KEY]
    if isinstance(body, ValueError):
        raise ValueError(str(body))
    return copy.deepcopy(body)


_ATTEMPT_KEY = "rating_console.attempt"


class Busy(Exception):
    """The last attempt Odoo makes met a concurrency conflict again (answered 503 in JSON)."""


@contextlib.contextmanager
def last_attempt_answers():
    """Let Odoo retry a concurrency conflict (lock timeout, serialization failure), except on
    its last attempt: then roll back and raise :class:`Busy`, so that the client gets a JSON
    503 rather than Odoo's error page."""
    environ = request.httprequest.environ
    environ[_ATTEMPT_KEY] = environ.get(_ATTEMPT_KEY, 0) + 1
    try:
        yield
    except service_model.PG_CONCURRENCY_EXCEPTIONS_TO_RETRY as exc:
        if environ[_ATTEMPT_KEY] < service_model.MAX_TRIES_ON_CONCURRENCY_FAILURE:
            raise
        request.env.cr.rollback()
        raise Busy("busy: a concurrent request holds this console or workplace, retry") from exc
