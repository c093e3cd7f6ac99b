from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamEditFormMembersItem")


@_attrs_define
class TeamEditFormMembersItem:
    """
    Attributes:
        user (int | Unset): User ID
        teamlead (bool | Unset): Whether the user is a teamlead
    """

    user: int | Unset = UNSET
    teamlead: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        teamlead = self.teamlead

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user is not UNSET:
            field_dict["user"] = user
        if teamlead is not UNSET:
            field_dict["teamlead"] = teamlead

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user = d.pop("user", UNSET)

        teamlead = d.pop("teamlead", UNSET)

        team_edit_form_members_item = cls(
            user=user,
            teamlead=teamlead,
        )

        team_edit_form_members_item.additional_properties = d
        return team_edit_form_members_item

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
