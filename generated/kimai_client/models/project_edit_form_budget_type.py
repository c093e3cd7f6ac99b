from typing import Literal

ProjectEditFormBudgetType = Literal["month"]

PROJECT_EDIT_FORM_BUDGET_TYPE_VALUES: set[ProjectEditFormBudgetType] = {
    "month",
}


def check_project_edit_form_budget_type(value: str) -> ProjectEditFormBudgetType:
    if value in PROJECT_EDIT_FORM_BUDGET_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROJECT_EDIT_FORM_BUDGET_TYPE_VALUES!r}"
    )
