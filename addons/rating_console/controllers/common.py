import copy
import json

from odoo.http import request


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
