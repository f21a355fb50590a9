import logging
import threading
import time

from odoo import SUPERUSER_ID, Command, api, http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.bus.models.bus import dispatch, hashable

LIT_LOG = "rating_console tablet lit at "


@tagged("post_install", "-at_install")
class TestRatingConsoleUi(HttpCase):
    def test_operator_calls_the_next_client(self):
        user = new_test_user(
            self.env,
            login="rc_tour_operator",
            password="rc_tour_operator",
            groups="rating_console.group_rating_operator",
        )
        employee = self.env["hr.employee"].create({"name": "Tour operator", "user_id": user.id})
        office = self.env["municipal.office"].create({"name": "Tour office", "code": "TOUR-O"})
        category = self.env["municipal.service.category"].create({"name": "Tour direction"})
        workplace = self.env["municipal.workplace"].create(
            {
                "name": "Tour window",
                "code": "TOUR-W1",
                "office_id": office.id,
                "employee_id": employee.id,
                "category_ids": [Command.set(category.ids)],
            }
        )
        Ticket = self.env["municipal.queue.ticket"]
        first = Ticket.create(
            {"number": "T-100", "office_id": office.id, "category_id": category.id}
        )
        Ticket.create({"number": "T-101", "office_id": office.id, "category_id": category.id})
        self.start_tour("/odoo", "rating_console_operator_tour", login="rc_tour_operator")
        self.assertEqual(first.state, "called")
        self.assertEqual(first.workplace_id, workplace)
        self.assertEqual(first.employee_id, employee)

    # -- the tablet console ------------------------------------------------------------------------
    def _tablet_channel(self, timeout=60):
        """The bus channel a tablet subscribed to (the console's, once paired), or None."""
        end = time.time() + timeout
        while time.time() < end:
            for key in list(dispatch._channels_to_ws):
                if isinstance(key, tuple) and str(key[-1]).startswith("rating_console."):
                    return key
            time.sleep(0.1)
        return None

    def _server_steps(self, tickets, workplace, calls, errors):
        """What the queue does while the tour runs (another thread, the test's cursor): call the
        first ticket once the tablet listens, then, once its vote arrived, the second."""
        try:
            channel = self._tablet_channel()
            if not channel:
                raise AssertionError("the tablet never subscribed to its console's channel")
            for index, ticket in enumerate(tickets):
                if index:
                    end = time.time() + 60
                    while time.time() < end:
                        with self.registry.cursor() as cr:
                            env = api.Environment(cr, SUPERUSER_ID, {})
                            if env["municipal.console.vote"].search_count(
                                [("ticket_id", "=", tickets[index - 1].id)]
                            ):
                                previous = env["municipal.queue.ticket"].browse(
                                    tickets[index - 1].id
                                )
                                previous.action_start()
                                previous.action_finish()
                                break
                        time.sleep(0.2)
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    calls.append(time.time())
                    env["municipal.queue.ticket"].browse(ticket.id).action_call(
                        env["municipal.workplace"].browse(workplace.id)
                    )
                # committed (the bus messages are stored); Odoo's bus does not wake the
                # listeners in tests: tell the tablet's websocket, as NOTIFY would
                for websocket in list(dispatch._channels_to_ws.get(hashable(channel), ())):
                    websocket.trigger_notification_dispatching()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def test_tablet_console(self):
        manager = new_test_user(
            self.env,
            login="rc_tour_manager",
            groups="rating_console.group_rating_manager",
        )
        office = self.env["municipal.office"].create(
            {"name": "Tablet office", "code": "TOUR-TAB", "console_lang": "uk_UA"}
        )
        reason = self.env["municipal.console.reason"].create(
            {"name": "Long queue", "office_id": office.id}
        )
        category = self.env["municipal.service.category"].create({"name": "Tablet direction"})
        workplace = self.env["municipal.workplace"].create(
            {
                "name": "Tablet window",
                "code": "TOUR-TAB-W1",
                "office_id": office.id,
                "category_ids": [Command.set(category.ids)],
            }
        )
        console = self.env["municipal.console"].create(
            {"serial": "TOUR-TAB-1", "workplace_id": workplace.id}
        )
        tickets = [
            self.env["municipal.queue.ticket"].create(
                {"number": number, "office_id": office.id, "category_id": category.id}
            )
            for number in ("TB-1", "TB-2")
        ]
        code = console.with_user(manager).action_pair_tablet()["context"][
            "rating_console_secret_once"
        ]
        calls, errors, lit = [], [], []
        browser_log = self._logger.getChild("browser")

        class LitTime(logging.Filter):
            def filter(self, record):
                message = record.getMessage()
                if LIT_LOG in message:
                    lit.append(int(message.split(LIT_LOG)[1].split()[0]) / 1000)
                    return True
                return record.levelno >= logging.WARNING or "call -> lit" in message

        level, only_lit = browser_log.level, LitTime()
        browser_log.setLevel(logging.INFO)
        browser_log.addFilter(only_lit)
        driver = threading.Thread(
            target=self._server_steps, args=(tickets, workplace, calls, errors), daemon=True
        )
        # the manifests of the static routes, read once before the browser's parallel requests
        # (Python 3.11's parser is not safe from concurrent first reads in threads)
        http.root.statics  # noqa: B018
        driver.start()
        try:
            self.start_tour(
                f"/rating_console/tablet?tour_code={code}", "rating_console_tablet_tour"
            )
            driver.join(30)
            self.assertFalse(errors, errors)
            self.assertTrue(lit and calls, "the tour logged the moment the buttons lit")
            browser_log.info("call -> lit: %.0f ms", (lit[0] - calls[0]) * 1000)
        finally:
            browser_log.removeFilter(only_lit)
            browser_log.setLevel(level)
        first, second = (ticket.vote_ids for ticket in tickets)
        self.assertEqual((first.value, first.reason_id), ("bad", reason))
        self.assertEqual(first.case_ids.source, "console")
        self.assertEqual(second.value, "excellent", "the press made offline arrived")
        self.assertEqual(len(second), 1)
        self.assertEqual(
            self.env["municipal.console.vote"].search_count([("console_id", "=", console.id)]), 2
        )
        self.assertFalse(console.sudo().pairing_code_hash, "the pairing code is used up")
