"""A console simulator: the firmware side of the protocol on a pseudo-terminal.

``ConsoleSimulator(fd)`` writes BTN / HB / ERR frames with a wrapping sequence counter and reads
the LED frames the host sends back. ``python3 -m bridge simulate`` runs it against a bridge on
a pty pair, so the whole chain (buttons -> bridge -> Odoo, Odoo -> bridge -> lights) can be shown
without hardware.
"""

import os
import threading
import tty

from . import protocol


def open_pty_pair():
    """(console_fd, host_path): the simulator end and the device path the bridge opens."""
    console_fd, host_fd = os.openpty()
    tty.setraw(console_fd)
    tty.setraw(host_fd)
    path = os.ttyname(host_fd)
    return console_fd, host_fd, path


class ConsoleSimulator:
    def __init__(self, fd, firmware="SIM-1.0", seq=0, ack_leds=True):
        self.fd = fd
        self.ack_leds = ack_leds
        self.firmware = firmware
        self.seq = seq
        self.leds = protocol.DARK
        self.led_history = []
        self._buffer = b""
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._send_lock = threading.Lock()

    def send(self, frame_type, payload=""):
        with self._send_lock:
            frame = protocol.encode_frame(frame_type, self.seq, payload)
            self.seq = protocol.next_seq(self.seq)
            os.write(self.fd, frame)
        return frame

    def press(self, value):
        return self.send("BTN", {"bad": "1", "good": "2", "excellent": "3"}[value])

    def heartbeat(self):
        return self.send("HB", self.firmware)

    def error(self, code):
        return self.send("ERR", code)

    def write_raw(self, data):
        os.write(self.fd, data)

    def read_loop(self):
        while not self._stop.is_set():
            try:
                data = os.read(self.fd, 256)
            except OSError:
                return
            if not data:
                return
            self._buffer += data
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                try:
                    leds = protocol.parse_led_frame(line)
                except protocol.FrameError:
                    continue  # a real console ignores unknown bytes (probes of other drivers)
                if self.ack_leds:  # the firmware acknowledges each LED frame with a heartbeat
                    self.heartbeat()
                with self._changed:
                    self.leds = leds
                    self.led_history.append(leds)
                    self._changed.notify_all()

    def wait_change(self, seen, timeout=1.0):
        """Wait until more than ``seen`` LED frames have arrived; True if one did."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.led_history) > seen, timeout)

    def wait_leds(self, leds, timeout=2.0):
        """Wait until the console shows ``leds``; True when it did within ``timeout``."""
        with self._changed:
            return self._changed.wait_for(lambda: self.leds == tuple(leds), timeout)

    def start(self, heartbeat_every=None):
        """Read the host's frames; with ``heartbeat_every`` (s), send heartbeats like firmware."""
        threading.Thread(target=self.read_loop, name="console-simulator", daemon=True).start()
        if heartbeat_every:
            threading.Thread(target=self._heartbeats, args=(heartbeat_every,),
                             name="console-simulator-hb", daemon=True).start()
        return self

    def _heartbeats(self, every):
        while not self._stop.wait(every):
            try:
                self.heartbeat()
            except OSError:
                return

    def stop(self):
        self._stop.set()
