from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchRestartTimesheetBody")


@_attrs_define
class PatchRestartTimesheetBody:
    """
    Attributes:
        copy (str | Unset):
        begin (str | Unset):
    """

    copy: str | Unset = UNSET
    begin: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        copy = self.copy

        begin = self.begin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if copy is not UNSET:
            field_dict["copy"] = copy
        if begin is not UNSET:
            field_dict["begin"] = begin

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        copy = d.pop("copy", UNSET)

        begin = d.pop("begin", UNSET)

        patch_restart_timesheet_body = cls(
            copy=copy,
            begin=begin,
        )

        patch_restart_timesheet_body.additional_properties = d
        return patch_restart_timesheet_body

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
