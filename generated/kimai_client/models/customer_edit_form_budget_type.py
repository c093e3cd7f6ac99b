from typing import Literal

CustomerEditFormBudgetType = Literal["month"]

CUSTOMER_EDIT_FORM_BUDGET_TYPE_VALUES: set[CustomerEditFormBudgetType] = {
    "month",
}


def check_customer_edit_form_budget_type(value: str) -> CustomerEditFormBudgetType:
    if value in CUSTOMER_EDIT_FORM_BUDGET_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CUSTOMER_EDIT_FORM_BUDGET_TYPE_VALUES!r}"
    )
