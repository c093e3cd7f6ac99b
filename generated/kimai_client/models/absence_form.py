from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.absence_form_type import AbsenceFormType, check_absence_form_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AbsenceForm")


@_attrs_define
class AbsenceForm:
    """
    Attributes:
        half_day (bool | Unset):
        duration (str | Unset): Duration - supports various formats: https://www.kimai.org/documentation/duration-
            format.html Example: 01:30.
        comment (str | Unset): Comment for the absence. Will be visible in the in the absence list.
        user (int | Unset): User ID Example: 1.
        date (str | Unset): Start date of this absence. Example: 2025-05-24.
        end (str | Unset): End date of this absence. This field is not supported by all absence types. Example:
            2025-05-24.
        type_ (AbsenceFormType | Unset):
    """

    half_day: bool | Unset = UNSET
    duration: str | Unset = UNSET
    comment: str | Unset = UNSET
    user: int | Unset = UNSET
    date: str | Unset = UNSET
    end: str | Unset = UNSET
    type_: AbsenceFormType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        half_day = self.half_day

        duration = self.duration

        comment = self.comment

        user = self.user

        date = self.date

        end = self.end

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if half_day is not UNSET:
            field_dict["halfDay"] = half_day
        if duration is not UNSET:
            field_dict["duration"] = duration
        if comment is not UNSET:
            field_dict["comment"] = comment
        if user is not UNSET:
            field_dict["user"] = user
        if date is not UNSET:
            field_dict["date"] = date
        if end is not UNSET:
            field_dict["end"] = end
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        half_day = d.pop("halfDay", UNSET)

        duration = d.pop("duration", UNSET)

        comment = d.pop("comment", UNSET)

        user = d.pop("user", UNSET)

        date = d.pop("date", UNSET)

        end = d.pop("end", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: AbsenceFormType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_absence_form_type(_type_)

        absence_form = cls(
            half_day=half_day,
            duration=duration,
            comment=comment,
            user=user,
            date=date,
            end=end,
            type_=type_,
        )

        absence_form.additional_properties = d
        return absence_form

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
