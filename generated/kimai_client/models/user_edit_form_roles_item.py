from typing import Literal

UserEditFormRolesItem = Literal["ROLE_ADMIN", "ROLE_SUPER_ADMIN", "ROLE_TEAMLEAD"]

USER_EDIT_FORM_ROLES_ITEM_VALUES: set[UserEditFormRolesItem] = {
    "ROLE_ADMIN",
    "ROLE_SUPER_ADMIN",
    "ROLE_TEAMLEAD",
}


def check_user_edit_form_roles_item(value: str) -> UserEditFormRolesItem:
    if value in USER_EDIT_FORM_ROLES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {USER_EDIT_FORM_ROLES_ITEM_VALUES!r}"
    )
