from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityRateForm")


@_attrs_define
class ActivityRateForm:
    """
    Attributes:
        user (int | Unset): User ID Example: 2.
        rate (float | Unset): The rate (eg. 10.5)
        internal_rate (float | Unset): The internal rate (eg. 10.0 or 10)
        is_fixed (bool | Unset):
    """

    user: int | Unset = UNSET
    rate: float | Unset = UNSET
    internal_rate: float | Unset = UNSET
    is_fixed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        rate = self.rate

        internal_rate = self.internal_rate

        is_fixed = self.is_fixed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user is not UNSET:
            field_dict["user"] = user
        if rate is not UNSET:
            field_dict["rate"] = rate
        if internal_rate is not UNSET:
            field_dict["internalRate"] = internal_rate
        if is_fixed is not UNSET:
            field_dict["isFixed"] = is_fixed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user = d.pop("user", UNSET)

        rate = d.pop("rate", UNSET)

        internal_rate = d.pop("internalRate", UNSET)

        is_fixed = d.pop("isFixed", UNSET)

        activity_rate_form = cls(
            user=user,
            rate=rate,
            internal_rate=internal_rate,
            is_fixed=is_fixed,
        )

        activity_rate_form.additional_properties = d
        return activity_rate_form

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
