from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_edit_form_language import (
    UserEditFormLanguage,
    check_user_edit_form_language,
)
from ..models.user_edit_form_locale import (
    UserEditFormLocale,
    check_user_edit_form_locale,
)
from ..models.user_edit_form_roles_item import (
    UserEditFormRolesItem,
    check_user_edit_form_roles_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserEditForm")


@_attrs_define
class UserEditForm:
    """
    Attributes:
        alias (str | Unset):
        title (str | Unset):
        account_number (str | Unset):
        color (str | Unset): The hexadecimal color code (default: auto-calculated by name)
        email (str | Unset):
        language (UserEditFormLanguage | Unset):
        locale (UserEditFormLocale | Unset):
        timezone (str | Unset):
        supervisor (int | Unset): User ID Example: 2.
        roles (list[UserEditFormRolesItem] | Unset):
        enabled (bool | Unset):
        system_account (bool | Unset):
        requires_password_reset (bool | Unset):
    """

    alias: str | Unset = UNSET
    title: str | Unset = UNSET
    account_number: str | Unset = UNSET
    color: str | Unset = UNSET
    email: str | Unset = UNSET
    language: UserEditFormLanguage | Unset = UNSET
    locale: UserEditFormLocale | Unset = UNSET
    timezone: str | Unset = UNSET
    supervisor: int | Unset = UNSET
    roles: list[UserEditFormRolesItem] | Unset = UNSET
    enabled: bool | Unset = UNSET
    system_account: bool | Unset = UNSET
    requires_password_reset: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        title = self.title

        account_number = self.account_number

        color = self.color

        email = self.email

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale

        timezone = self.timezone

        supervisor = self.supervisor

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item: str = roles_item_data
                roles.append(roles_item)

        enabled = self.enabled

        system_account = self.system_account

        requires_password_reset = self.requires_password_reset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if alias is not UNSET:
            field_dict["alias"] = alias
        if title is not UNSET:
            field_dict["title"] = title
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if color is not UNSET:
            field_dict["color"] = color
        if email is not UNSET:
            field_dict["email"] = email
        if language is not UNSET:
            field_dict["language"] = language
        if locale is not UNSET:
            field_dict["locale"] = locale
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if supervisor is not UNSET:
            field_dict["supervisor"] = supervisor
        if roles is not UNSET:
            field_dict["roles"] = roles
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if system_account is not UNSET:
            field_dict["systemAccount"] = system_account
        if requires_password_reset is not UNSET:
            field_dict["requiresPasswordReset"] = requires_password_reset

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        alias = d.pop("alias", UNSET)

        title = d.pop("title", UNSET)

        account_number = d.pop("accountNumber", UNSET)

        color = d.pop("color", UNSET)

        email = d.pop("email", UNSET)

        _language = d.pop("language", UNSET)
        language: UserEditFormLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = check_user_edit_form_language(_language)

        _locale = d.pop("locale", UNSET)
        locale: UserEditFormLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = check_user_edit_form_locale(_locale)

        timezone = d.pop("timezone", UNSET)

        supervisor = d.pop("supervisor", UNSET)

        _roles = d.pop("roles", UNSET)
        roles: list[UserEditFormRolesItem] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = check_user_edit_form_roles_item(roles_item_data)

                roles.append(roles_item)

        enabled = d.pop("enabled", UNSET)

        system_account = d.pop("systemAccount", UNSET)

        requires_password_reset = d.pop("requiresPasswordReset", UNSET)

        user_edit_form = cls(
            alias=alias,
            title=title,
            account_number=account_number,
            color=color,
            email=email,
            language=language,
            locale=locale,
            timezone=timezone,
            supervisor=supervisor,
            roles=roles,
            enabled=enabled,
            system_account=system_account,
            requires_password_reset=requires_password_reset,
        )

        user_edit_form.additional_properties = d
        return user_edit_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
