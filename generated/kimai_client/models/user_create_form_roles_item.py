from typing import Literal

UserCreateFormRolesItem = Literal["ROLE_ADMIN", "ROLE_SUPER_ADMIN", "ROLE_TEAMLEAD"]

USER_CREATE_FORM_ROLES_ITEM_VALUES: set[UserCreateFormRolesItem] = {
    "ROLE_ADMIN",
    "ROLE_SUPER_ADMIN",
    "ROLE_TEAMLEAD",
}


def check_user_create_form_roles_item(value: str) -> UserCreateFormRolesItem:
    if value in USER_CREATE_FORM_ROLES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {USER_CREATE_FORM_ROLES_ITEM_VALUES!r}"
    )
