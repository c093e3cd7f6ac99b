from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TimesheetEditForm")


@_attrs_define
class TimesheetEditForm:
    """
    Attributes:
        begin (str | Unset): If no begin date-time is set, the users current timestamp will be used
        end (str | Unset): If no end date-time is set, the timesheet will be running
        project (int | Unset): Project ID
        activity (int | Unset): Activity ID
        description (str | Unset):
        fixed_rate (float | Unset): Fixed rate
        hourly_rate (float | Unset): Hourly rate
        user (int | Unset): User ID Example: 2.
        tags (str | Unset): Comma separated list of tags
        exported (bool | Unset):
        billable (bool | Unset):
    """

    begin: str | Unset = UNSET
    end: str | Unset = UNSET
    project: int | Unset = UNSET
    activity: int | Unset = UNSET
    description: str | Unset = UNSET
    fixed_rate: float | Unset = UNSET
    hourly_rate: float | Unset = UNSET
    user: int | Unset = UNSET
    tags: str | Unset = UNSET
    exported: bool | Unset = UNSET
    billable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        begin = self.begin

        end = self.end

        project = self.project

        activity = self.activity

        description = self.description

        fixed_rate = self.fixed_rate

        hourly_rate = self.hourly_rate

        user = self.user

        tags = self.tags

        exported = self.exported

        billable = self.billable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if begin is not UNSET:
            field_dict["begin"] = begin
        if end is not UNSET:
            field_dict["end"] = end
        if project is not UNSET:
            field_dict["project"] = project
        if activity is not UNSET:
            field_dict["activity"] = activity
        if description is not UNSET:
            field_dict["description"] = description
        if fixed_rate is not UNSET:
            field_dict["fixedRate"] = fixed_rate
        if hourly_rate is not UNSET:
            field_dict["hourlyRate"] = hourly_rate
        if user is not UNSET:
            field_dict["user"] = user
        if tags is not UNSET:
            field_dict["tags"] = tags
        if exported is not UNSET:
            field_dict["exported"] = exported
        if billable is not UNSET:
            field_dict["billable"] = billable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        begin = d.pop("begin", UNSET)

        end = d.pop("end", UNSET)

        project = d.pop("project", UNSET)

        activity = d.pop("activity", UNSET)

        description = d.pop("description", UNSET)

        fixed_rate = d.pop("fixedRate", UNSET)

        hourly_rate = d.pop("hourlyRate", UNSET)

        user = d.pop("user", UNSET)

        tags = d.pop("tags", UNSET)

        exported = d.pop("exported", UNSET)

        billable = d.pop("billable", UNSET)

        timesheet_edit_form = cls(
            begin=begin,
            end=end,
            project=project,
            activity=activity,
            description=description,
            fixed_rate=fixed_rate,
            hourly_rate=hourly_rate,
            user=user,
            tags=tags,
            exported=exported,
            billable=billable,
        )

        timesheet_edit_form.additional_properties = d
        return timesheet_edit_form

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
