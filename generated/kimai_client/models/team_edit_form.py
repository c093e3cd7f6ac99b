from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.team_edit_form_members_item import TeamEditFormMembersItem


T = TypeVar("T", bound="TeamEditForm")


@_attrs_define
class TeamEditForm:
    """
    Attributes:
        name (str | Unset): Name of the team
        color (str | Unset): The hexadecimal color code (default: auto-calculated by name)
        members (list[TeamEditFormMembersItem] | Unset): All team members
    """

    name: str | Unset = UNSET
    color: str | Unset = UNSET
    members: list[TeamEditFormMembersItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        color = self.color

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if color is not UNSET:
            field_dict["color"] = color
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.team_edit_form_members_item import TeamEditFormMembersItem

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        color = d.pop("color", UNSET)

        _members = d.pop("members", UNSET)
        members: list[TeamEditFormMembersItem] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = TeamEditFormMembersItem.from_dict(members_item_data)

                members.append(members_item)

        team_edit_form = cls(
            name=name,
            color=color,
            members=members,
        )

        team_edit_form.additional_properties = d
        return team_edit_form

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
