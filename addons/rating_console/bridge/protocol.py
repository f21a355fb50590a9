"""Wire protocol and state machine of the three-button rating console (pure Python).

Console -> host, one ASCII line per frame, NMEA-style checksum::

    $<TYPE>,<SEQ>,<PAYLOAD>*<XX>\\n

* ``TYPE``: ``BTN`` (payload ``1`` Bad, ``2`` Good, ``3`` Excellent), ``HB`` (heartbeat, payload
  the firmware version) or ``ERR`` (payload a fault code);
* ``SEQ``: decimal counter 0-65535 that wraps to 0;
* ``XX``: two hexadecimal digits, the XOR of every byte between ``$`` and ``*``.

Host -> console: ``$LED,<b><g><e>*<XX>\\n``, each of b/g/e ``0`` (dark) or ``1`` (lit).

The rules of the Vinnytsia order (2.4-2.7) are the state machine of :class:`ConsoleState`: the
console lights all three buttons when a ticket is called, accepts one press per ticket (the
pressed button stays lit, the two others go dark), ignores presses while no ticket is called or
after the vote, and goes dark when the ticket ends.
"""

import re
from collections import deque
from dataclasses import dataclass, field

SEQ_MODULO = 65536
MAX_FRAME_LENGTH = 82  # NMEA 0183 limit, '$' and line end included
FRAME_TYPES = ("BTN", "HB", "ERR")
BUTTONS = {"1": "bad", "2": "good", "3": "excellent"}
BUTTON_INDEX = {"bad": 0, "good": 1, "excellent": 2}
RATINGS = {"bad": 1, "good": 3, "excellent": 5}
DARK = (0, 0, 0)
ALL_LIT = (1, 1, 1)
IGNORED_LOG_SIZE = 1000  # the link runs for months: the log keeps the latest ignored presses

_PAYLOAD_RE = re.compile(r"^[\x20-\x7e]*$")


class FrameError(ValueError):
    """A line that is not a valid console frame (the reason is the message)."""


@dataclass(frozen=True)
class Frame:
    type: str
    seq: int
    payload: str

    @property
    def button(self):
        """``bad`` / ``good`` / ``excellent`` for a BTN frame."""
        return BUTTONS[self.payload] if self.type == "BTN" else None


def checksum(body):
    """XOR of the bytes of ``body`` (the text between ``$`` and ``*``)."""
    if isinstance(body, str):
        body = body.encode("ascii")
    value = 0
    for byte in body:
        value ^= byte
    return value


def _wrap(body):
    return b"$%s*%02X\n" % (body, checksum(body))


def encode_frame(frame_type, seq, payload=""):
    """A console -> host frame (what the firmware and the simulator send)."""
    if frame_type not in FRAME_TYPES:
        raise FrameError(f"unknown frame type {frame_type!r}")
    if not 0 <= seq < SEQ_MODULO:
        raise FrameError(f"sequence number {seq} out of 0-65535")
    body = f"{frame_type},{seq},{payload}".encode("ascii")
    return _wrap(body)


def led_frame(leds):
    """The host -> console frame lighting ``leds`` = (bad, good, excellent), each 0 or 1."""
    if len(leds) != 3 or any(v not in (0, 1) for v in leds):
        raise FrameError(f"invalid LED pattern {leds!r}")
    return _wrap(("LED," + "".join(str(int(v)) for v in leds)).encode("ascii"))


def parse_led_frame(line):
    """(bad, good, excellent) of a host -> console LED frame (used by the console simulator)."""
    body = _check_line(line)
    if not body.startswith("LED,") or len(body) != 7 or any(c not in "01" for c in body[4:]):
        raise FrameError(f"not an LED frame: {body!r}")
    return tuple(int(c) for c in body[4:])


def _check_line(line):
    if isinstance(line, bytes):
        try:
            line = line.decode("ascii")
        except UnicodeDecodeError as exc:
            raise FrameError("non-ASCII bytes in frame") from exc
    line = line.rstrip("\r\n")
    if len(line) + 1 > MAX_FRAME_LENGTH:
        raise FrameError("frame too long")
    if not line.startswith("$"):
        raise FrameError("frame does not start with '$'")
    star = line.rfind("*")
    if star < 0 or len(line) - star != 3:
        raise FrameError("missing '*XX' checksum")
    body, given = line[1:star], line[star + 1 :]
    try:
        expected = int(given, 16)
    except ValueError as exc:
        raise FrameError(f"checksum {given!r} is not hexadecimal") from exc
    if checksum(body) != expected:
        raise FrameError(f"checksum mismatch: got {given}, computed {checksum(body):02X}")
    if not _PAYLOAD_RE.match(body):
        raise FrameError("control characters in frame")
    return body


def parse_frame(line):
    """Parse one console -> host line (with or without its line end) into a :class:`Frame`."""
    body = _check_line(line)
    parts = body.split(",", 2)
    if len(parts) != 3:
        raise FrameError("expected TYPE,SEQ,PAYLOAD")
    frame_type, seq_text, payload = parts
    if frame_type not in FRAME_TYPES:
        raise FrameError(f"unknown frame type {frame_type!r}")
    if not seq_text.isdigit() or int(seq_text) >= SEQ_MODULO:
        raise FrameError(f"invalid sequence number {seq_text!r}")
    if frame_type == "BTN" and payload not in BUTTONS:
        raise FrameError(f"invalid button {payload!r}")
    if frame_type == "ERR" and not payload:
        raise FrameError("ERR frame without a fault code")
    return Frame(frame_type, int(seq_text), payload)


def next_seq(seq):
    return (seq + 1) % SEQ_MODULO


def seq_distance(previous, current):
    """How many steps forward ``current`` is from ``previous`` on the wrapping counter."""
    return (current - previous) % SEQ_MODULO


class FrameReader:
    """Cut a byte stream into frames: split and merged frames, garbage and noise tolerated.

    ``feed(data)`` returns the valid frames completed by ``data``; each rejected line or byte run
    is appended to ``errors`` as (reason, raw bytes). Bytes before a ``$`` are garbage; a frame
    longer than the NMEA limit is dropped; a repeated sequence number (the firmware re-sent the
    same frame) is reported once.
    """

    def __init__(self):
        self._buffer = bytearray()
        self.errors = []
        self.last_seq = None
        self.lost = 0  # frames missing according to the sequence numbers

    def feed(self, data):
        frames = []
        self._buffer.extend(data)
        while True:
            start = self._buffer.find(b"$")
            if start < 0:
                self._drop(len(self._buffer), "garbage")
                break
            if start:
                self._drop(start, "garbage")
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > MAX_FRAME_LENGTH:
                    self._drop(len(self._buffer), "frame too long")
                break
            nxt = self._buffer.find(b"$", 1, end)
            if nxt > 0:  # a '$' inside the line: the first frame was cut, resynchronise
                self._drop(nxt, "truncated frame")
                continue
            line = bytes(self._buffer[: end + 1])
            del self._buffer[: end + 1]
            try:
                frame = parse_frame(line)
            except FrameError as exc:
                self.errors.append((str(exc), line))
                continue
            if self.last_seq is not None:
                distance = seq_distance(self.last_seq, frame.seq)
                if distance == 0:
                    self.errors.append(("repeated frame", line))
                    continue
                if distance < SEQ_MODULO // 2:
                    self.lost += distance - 1
            self.last_seq = frame.seq
            frames.append(frame)
        return frames

    def _drop(self, count, reason):
        if count:
            raw = bytes(self._buffer[:count])
            del self._buffer[:count]
            if raw.strip(b"\r\n\x00 "):
                self.errors.append((reason, raw))


@dataclass
class PressResult:
    """Outcome of a button press: the vote to deliver (or None) and why it was ignored."""

    value: str
    vote: dict = None
    ignored: str = ""
    leds: tuple = None


@dataclass
class ConsoleState:
    """The console rules of the order (2.4-2.7), independent of any transport.

    ``call``/``end``/``press`` return the LED pattern to send (or None when it does not change);
    ``log`` keeps the latest ignored presses with their reason (3.3 asks for them to be
    traceable), at most ``IGNORED_LOG_SIZE`` of them.
    """

    ticket: str = None
    voted: str = None
    leds: tuple = DARK
    log: deque = field(default_factory=lambda: deque(maxlen=IGNORED_LOG_SIZE))

    @property
    def active(self):
        return self.ticket is not None and self.voted is None

    def call(self, ticket):
        """A ticket is called at the workplace: all three buttons light up."""
        self.ticket = str(ticket)
        self.voted = None
        return self._set(ALL_LIT)

    def end(self):
        """The ticket is finished (served or no-show): the console goes dark."""
        self.ticket = None
        self.voted = None
        return self._set(DARK)

    def press(self, value, at):
        """The client presses ``value``; at most one vote per called ticket."""
        if value not in RATINGS:
            raise ValueError(f"unknown button {value!r}")
        if self.ticket is None:
            return self._ignore(value, at, "no ticket is called")
        if self.voted is not None:
            return self._ignore(value, at, f"ticket {self.ticket} already rated {self.voted}")
        self.voted = value
        pattern = [0, 0, 0]
        pattern[BUTTON_INDEX[value]] = 1
        leds = self._set(tuple(pattern))
        return PressResult(value, vote={"ticket": self.ticket, "value": value, "at": at}, leds=leds)

    def _ignore(self, value, at, reason):
        self.log.append({"at": at, "value": value, "reason": reason})
        return PressResult(value, ignored=reason)

    def _set(self, leds):
        if leds == self.leds:
            return None
        self.leds = leds
        return leds
