from typing import Literal

InvoiceEditFormStatus = Literal["canceled", "new", "paid", "pending"]

INVOICE_EDIT_FORM_STATUS_VALUES: set[InvoiceEditFormStatus] = {
    "canceled",
    "new",
    "paid",
    "pending",
}


def check_invoice_edit_form_status(value: str) -> InvoiceEditFormStatus:
    if value in INVOICE_EDIT_FORM_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INVOICE_EDIT_FORM_STATUS_VALUES!r}"
    )
