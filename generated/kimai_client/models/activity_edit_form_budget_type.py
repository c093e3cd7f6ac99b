from typing import Literal

ActivityEditFormBudgetType = Literal["month"]

ACTIVITY_EDIT_FORM_BUDGET_TYPE_VALUES: set[ActivityEditFormBudgetType] = {
    "month",
}


def check_activity_edit_form_budget_type(value: str) -> ActivityEditFormBudgetType:
    if value in ACTIVITY_EDIT_FORM_BUDGET_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACTIVITY_EDIT_FORM_BUDGET_TYPE_VALUES!r}"
    )
