"""Standalone bridge between a rating console on a serial port and Odoo.

    python3 -m bridge run --port /dev/ttyUSB0 --url https://odoo.example.org \\
        --serial RC-0001 --token-file /etc/rating-console/RC-0001.token --spool /var/spool/rc
    python3 -m bridge simulate --url http://localhost:8069 --serial RC-0001 --token ...

Run it from the addon directory (``cd .../rating_console``) or with that directory on
PYTHONPATH; it needs Python 3.11, ``pyserial`` and, for the push of the lights,
``websocket-client``. Nothing of Odoo is imported.
"""

import argparse
import logging
import os
import sys
import threading

from .bus import BusListener
from .link import ConsoleLink
from .sender import Sender
from .simulator import ConsoleSimulator, open_pty_pair
from .spool import Spool

_logger = logging.getLogger(__name__)


def say(text):
    """A line for the user of the interactive simulator."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _token(args):
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as handle:
            return handle.read().strip()
    return args.token or os.environ.get("RATING_CONSOLE_TOKEN", "")


def build_link(args, port_name):
    import serial  # pyserial

    port = serial.serial_for_url(port_name, baudrate=args.baudrate, timeout=0.5)
    token = _token(args)
    spool = Spool(args.spool)
    sender = Sender(spool, args.url, args.serial, token)
    link = ConsoleLink(port, spool, sender, heartbeat_interval=args.heartbeat_interval)
    listener = None
    if not args.no_push:
        listener = BusListener(args.url, token, link.apply)
    return link, sender, listener


def _start(link, sender, listener):
    sender.start()
    link.start()
    if listener:
        listener.start()


def _stop(link, sender, listener):
    if listener:
        listener.stop()
    link.stop()
    sender.stop()


def cmd_run(args):
    link, sender, listener = build_link(args, args.port)
    _start(link, sender, listener)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        _logger.info("stopped by the user")
    finally:
        _stop(link, sender, listener)


def cmd_simulate(args):
    console_fd, _host_fd, path = open_pty_pair()
    link, sender, listener = build_link(args, path)
    _start(link, sender, listener)
    console = ConsoleSimulator(console_fd).start(heartbeat_every=5.0)
    console.heartbeat()
    say(f"Simulated console on {path}. Keys: 1 Bad, 2 Good, 3 Excellent, h heartbeat, "
          "e CODE fault, c TICKET local call, x local end, q quit.")
    shown = None
    try:
        for line in sys.stdin:
            cmd = line.strip().split()
            seen = len(console.led_history)
            if not cmd:
                pass
            elif cmd[0] in ("1", "2", "3"):
                console.press({"1": "bad", "2": "good", "3": "excellent"}[cmd[0]])
            elif cmd[0] == "h":
                console.heartbeat()
            elif cmd[0] == "e":
                console.error(cmd[1] if len(cmd) > 1 else "E01")
            elif cmd[0] == "c":
                link.call(cmd[1] if len(cmd) > 1 else "LOCAL")
            elif cmd[0] == "x":
                link.end()
            elif cmd[0] == "q":
                break
            if cmd and cmd[0] in ("1", "2", "3", "c", "x"):
                console.wait_change(seen, timeout=1.0)  # the bridge answers with the lights
            if console.leds != shown:
                shown = console.leds
                labels = ("Bad", "Good", "Excellent")
                say("lights: " + " ".join(f"[{n}]" if v else f" {n} "
                                          for n, v in zip(labels, shown, strict=True)))
            say(f"spool: {len(sender.spool)} event(s) waiting"
                  + (f", last error: {sender.last_error}" if sender.last_error else ""))
    finally:
        console.stop()
        _stop(link, sender, listener)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m bridge", description=__doc__.split("\n")[1])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("run", "simulate"):
        p = sub.add_parser(name)
        if name == "run":
            p.add_argument("--port", required=True, help="serial device or pyserial URL")
        p.add_argument("--url", required=True, help="Odoo base URL, e.g. https://odoo.example.org")
        p.add_argument("--serial", required=True, help="serial number of the console in Odoo")
        p.add_argument("--token", help="console token (or --token-file, or $RATING_CONSOLE_TOKEN)")
        p.add_argument("--token-file")
        p.add_argument("--spool", default=os.path.expanduser("~/.rating-console-spool"))
        p.add_argument("--baudrate", type=int, default=9600)
        p.add_argument("--heartbeat-interval", type=float, default=60.0,
                       help="seconds between heartbeats forwarded to Odoo")
        p.add_argument("--no-push", action="store_true",
                       help="do not subscribe to Odoo's bus (lights driven locally only)")
        p.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    {"run": cmd_run, "simulate": cmd_simulate}[args.command](args)


if __name__ == "__main__":
    main()
