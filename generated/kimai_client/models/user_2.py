from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="User2")


@_attrs_define
class User2:
    """
    Attributes:
        username (str):
        email (str):
        api_token (bool | Unset): DEPRECATED - switch to API tokens instead
        locale (str | Unset):
        timezone (str | Unset):
        language (str | Unset):
        initials (str | Unset):
        color_safe (str | Unset):
        id (int | Unset):
        alias (str | Unset):
        title (str | Unset):
        avatar (str | Unset):
        account_number (str | Unset):
        enabled (bool | Unset):  Default: False.
        system_account (bool | Unset):  Default: False.
        color (str | Unset):
    """

    username: str
    email: str
    api_token: bool | Unset = UNSET
    locale: str | Unset = UNSET
    timezone: str | Unset = UNSET
    language: str | Unset = UNSET
    initials: str | Unset = UNSET
    color_safe: str | Unset = UNSET
    id: int | Unset = UNSET
    alias: str | Unset = UNSET
    title: str | Unset = UNSET
    avatar: str | Unset = UNSET
    account_number: str | Unset = UNSET
    enabled: bool | Unset = False
    system_account: bool | Unset = False
    color: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        email = self.email

        api_token = self.api_token

        locale = self.locale

        timezone = self.timezone

        language = self.language

        initials = self.initials

        color_safe = self.color_safe

        id = self.id

        alias = self.alias

        title = self.title

        avatar = self.avatar

        account_number = self.account_number

        enabled = self.enabled

        system_account = self.system_account

        color = self.color

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "email": email,
            }
        )
        if api_token is not UNSET:
            field_dict["apiToken"] = api_token
        if locale is not UNSET:
            field_dict["locale"] = locale
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if language is not UNSET:
            field_dict["language"] = language
        if initials is not UNSET:
            field_dict["initials"] = initials
        if color_safe is not UNSET:
            field_dict["color-safe"] = color_safe
        if id is not UNSET:
            field_dict["id"] = id
        if alias is not UNSET:
            field_dict["alias"] = alias
        if title is not UNSET:
            field_dict["title"] = title
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if system_account is not UNSET:
            field_dict["systemAccount"] = system_account
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        email = d.pop("email")

        api_token = d.pop("apiToken", UNSET)

        locale = d.pop("locale", UNSET)

        timezone = d.pop("timezone", UNSET)

        language = d.pop("language", UNSET)

        initials = d.pop("initials", UNSET)

        color_safe = d.pop("color-safe", UNSET)

        id = d.pop("id", UNSET)

        alias = d.pop("alias", UNSET)

        title = d.pop("title", UNSET)

        avatar = d.pop("avatar", UNSET)

        account_number = d.pop("accountNumber", UNSET)

        enabled = d.pop("enabled", UNSET)

        system_account = d.pop("systemAccount", UNSET)

        color = d.pop("color", UNSET)

        user_2 = cls(
            username=username,
            email=email,
            api_token=api_token,
            locale=locale,
            timezone=timezone,
            language=language,
            initials=initials,
            color_safe=color_safe,
            id=id,
            alias=alias,
            title=title,
            avatar=avatar,
            account_number=account_number,
            enabled=enabled,
            system_account=system_account,
            color=color,
        )

        user_2.additional_properties = d
        return user_2

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
