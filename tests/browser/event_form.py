"""Steps on the admin's event form that several browser tests take."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect


def cancel_one_date(page, day):
    """Add a changed date to the form and make it cancel `day`, as a keyboard user would."""
    add_date = page.get_by_role(
        "button", name=re.compile("change to one date|wijziging van één datum", re.I)
    )
    date_field = page.locator('input[name="exceptions-0-date"]')
    add_date.click()
    try:
        date_field.wait_for(timeout=5_000)
    except PlaywrightTimeoutError:
        # On a busy machine the admin may still be wiring up its buttons: click once more (an
        # extra empty row, should both clicks count, is left out when the form is saved).
        add_date.click()
    date_field.fill(f"{day:%Y-%m-%d}")
    # Tab closes the date's picker, which otherwise lies over the form wherever it opened and
    # takes the next click. The picker opens a moment after the field takes focus, so wait for
    # it first: a Tab before then is undone when it opens.
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    date_field.press("Tab")
    expect(picker).to_have_count(0)
    page.locator('select[name="exceptions-0-action"]').select_option("cancel")
