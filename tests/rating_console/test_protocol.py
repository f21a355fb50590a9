"""The console wire protocol and the rules of the order (2.4-2.7), without any transport."""

import re

import pytest
from rating_console_bridge import protocol
from rating_console_bridge.protocol import (
    ConsoleState,
    Frame,
    FrameError,
    FrameReader,
    checksum,
    encode_frame,
    led_frame,
    parse_frame,
    parse_led_frame,
)


def test_checksum_is_the_xor_of_the_bytes_between_dollar_and_star():
    expected = 0
    for char in b"BTN,17,3":
        expected ^= char
    assert checksum("BTN,17,3") == expected
    assert encode_frame("BTN", 17, "3") == b"$BTN,17,3*%02X\n" % expected
    # a known NMEA sentence body checks out with its published checksum
    assert checksum("GPGLL,5300.97914,N,00259.98174,E,125926,A") == 0x28


def test_led_frames():
    assert led_frame((1, 1, 1)) == b"$LED,111*%02X\n" % checksum("LED,111")
    assert led_frame((0, 0, 1)).startswith(b"$LED,001*")
    assert parse_led_frame(led_frame((0, 1, 0))) == (0, 1, 0)
    with pytest.raises(FrameError):
        led_frame((1, 2, 0))
    with pytest.raises(FrameError):
        parse_led_frame(b"$LED,11*00\n")


def test_parse_valid_frames():
    assert parse_frame(encode_frame("BTN", 5, "1")) == Frame("BTN", 5, "1")
    assert parse_frame(encode_frame("BTN", 5, "3")).button == "excellent"
    assert parse_frame(encode_frame("HB", 65535, "1.4.2")) == Frame("HB", 65535, "1.4.2")
    assert parse_frame(encode_frame("ERR", 0, "E03")).payload == "E03"
    # lowercase hex digits and CRLF are accepted
    body = "BTN,9,2"
    assert parse_frame(f"${body}*{checksum(body):02x}\r\n") == Frame("BTN", 9, "2")


@pytest.mark.parametrize(
    "line, reason",
    [
        (b"$BTN,1,1*00\n", "checksum mismatch"),
        (b"BTN,1,1*00\n", "start with '$'"),
        (b"$BTN,1,1\n", "missing '*XX'"),
        (b"$BTN,1,1*ZZ\n", "not hexadecimal"),
        (b"$XYZ,1,1*%02X\n" % checksum("XYZ,1,1"), "unknown frame type"),
        (b"$BTN,1,4*%02X\n" % checksum("BTN,1,4"), "invalid button"),
        (b"$BTN,65536,1*%02X\n" % checksum("BTN,65536,1"), "invalid sequence"),
        (b"$BTN,-1,1*%02X\n" % checksum("BTN,-1,1"), "invalid sequence"),
        (b"$ERR,1,*%02X\n" % checksum("ERR,1,"), "without a fault code"),
        (b"$BTN,1*%02X\n" % checksum("BTN,1"), "TYPE,SEQ,PAYLOAD"),
        (b"$BTN,1,\xff*00\n", "non-ASCII"),
        (b"$HB,1," + b"9" * 90 + b"*00\n", "too long"),
    ],
)
def test_invalid_frames_are_refused_with_a_reason(line, reason):
    with pytest.raises(FrameError, match=re.escape(reason)):
        parse_frame(line)


def test_reader_handles_split_frames():
    reader = FrameReader()
    frame = encode_frame("BTN", 1, "2")
    assert reader.feed(frame[:4]) == []
    assert reader.feed(frame[4:9]) == []
    assert reader.feed(frame[9:]) == [Frame("BTN", 1, "2")]
    assert reader.errors == []


def test_reader_handles_merged_frames_and_byte_by_byte_input():
    frames = b"".join(
        [encode_frame("HB", 1, "1.0"), encode_frame("BTN", 2, "3"), encode_frame("ERR", 3, "E1")]
    )
    assert [f.type for f in FrameReader().feed(frames)] == ["HB", "BTN", "ERR"]
    reader = FrameReader()
    got = []
    for byte in frames:
        got += reader.feed(bytes([byte]))
    assert [f.seq for f in got] == [1, 2, 3]


def test_reader_skips_garbage_and_resynchronises():
    reader = FrameReader()
    good = encode_frame("BTN", 7, "1")
    noise = b"\x00\xffEhello\r\n"  # e.g. the probe another driver writes to every port
    cut = encode_frame("BTN", 8, "2")[:6]  # a frame cut by a reset of the console
    bad = b"$BTN,9,3*00\n"  # checksum error
    frames = reader.feed(noise + good + cut + encode_frame("BTN", 10, "3") + bad + b"junk")
    assert frames == [Frame("BTN", 7, "1"), Frame("BTN", 10, "3")]
    reasons = [reason for reason, _raw in reader.errors]
    assert reasons[0] == "garbage"
    assert "truncated frame" in reasons
    assert any("checksum mismatch" in r for r in reasons)
    # the trailing 'junk' has no '$': dropped as garbage, the next frame parses cleanly
    assert reader.feed(encode_frame("BTN", 11, "2")) == [Frame("BTN", 11, "2")]


def test_reader_drops_an_endless_line():
    reader = FrameReader()
    assert reader.feed(b"$" + b"A" * 200) == []
    assert ("frame too long", b"$" + b"A" * 200) in reader.errors
    assert reader.feed(encode_frame("HB", 1, "x")) == [Frame("HB", 1, "x")]


def test_sequence_counter_wraps_and_reports_losses():
    assert protocol.next_seq(65535) == 0
    assert protocol.seq_distance(65535, 0) == 1
    assert protocol.seq_distance(65534, 1) == 3
    reader = FrameReader()
    stream = b"".join(encode_frame("HB", seq, "1") for seq in (65533, 65534, 65535, 0, 1))
    assert [f.seq for f in reader.feed(stream)] == [65533, 65534, 65535, 0, 1]
    assert reader.lost == 0
    reader.feed(encode_frame("BTN", 4, "1"))  # 2 and 3 never arrived
    assert reader.lost == 2
    repeated = reader.feed(encode_frame("BTN", 4, "1"))  # the firmware re-sent the same frame
    assert repeated == []
    assert reader.errors[-1][0] == "repeated frame"


def test_light_sequence_of_a_ticket():
    state = ConsoleState()
    assert state.leds == (0, 0, 0)
    assert state.call("A001") == (1, 1, 1), "all three buttons light up on call"
    result = state.press("good", "t1")
    assert result.vote == {"ticket": "A001", "value": "good", "at": "t1"}
    assert result.leds == (0, 1, 0), "the pressed button stays lit, the two others go dark"
    assert state.end() == (0, 0, 0), "dark when the ticket ends"


def test_one_press_per_ticket_and_presses_outside_a_ticket_are_ignored_and_logged():
    state = ConsoleState()
    idle = state.press("excellent", "t0")
    assert idle.vote is None and idle.ignored == "no ticket is called"
    state.call("A002")
    assert state.press("bad", "t1").vote["value"] == "bad"
    second = state.press("excellent", "t2")
    assert second.vote is None
    assert "already rated" in second.ignored
    assert state.leds == (1, 0, 0), "a second press changes nothing"
    state.end()
    after = state.press("good", "t3")
    assert after.vote is None
    assert [entry["at"] for entry in state.log] == ["t0", "t2", "t3"]
    # the next ticket can be rated again
    state.call("A003")
    assert state.press("excellent", "t4").vote["ticket"] == "A003"
    with pytest.raises(ValueError):
        state.press("superb", "t5")
