from typing import Literal

AbsenceFormType = Literal[
    "holiday",
    "other",
    "parental",
    "sickness",
    "sickness_child",
    "time_off",
    "unpaid_vacation",
]

ABSENCE_FORM_TYPE_VALUES: set[AbsenceFormType] = {
    "holiday",
    "other",
    "parental",
    "sickness",
    "sickness_child",
    "time_off",
    "unpaid_vacation",
}


def check_absence_form_type(value: str) -> AbsenceFormType:
    if value in ABSENCE_FORM_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ABSENCE_FORM_TYPE_VALUES!r}"
    )
