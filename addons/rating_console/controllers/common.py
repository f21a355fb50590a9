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
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def json_body():
    """The request body as a JSON object, or raise ValueError with the reason."""
    raw = request.httprequest.get_data(cache=False)
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"malformed JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body
