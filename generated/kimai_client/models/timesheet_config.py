from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TimesheetConfig")


@_attrs_define
class TimesheetConfig:
    """
    Attributes:
        tracking_mode (None | str | Unset):  Default: 'default'.
        default_begin_time (None | str | Unset):  Default: 'now'.
        active_entries_hard_limit (int | None | Unset):  Default: 1.
        is_allow_future_times (bool | None | Unset):  Default: True.
        is_allow_overlapping (bool | None | Unset):  Default: True.
    """

    tracking_mode: None | str | Unset = "default"
    default_begin_time: None | str | Unset = "now"
    active_entries_hard_limit: int | None | Unset = 1
    is_allow_future_times: bool | None | Unset = True
    is_allow_overlapping: bool | None | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tracking_mode: None | str | Unset
        if isinstance(self.tracking_mode, Unset):
            tracking_mode = UNSET
        else:
            tracking_mode = self.tracking_mode

        default_begin_time: None | str | Unset
        if isinstance(self.default_begin_time, Unset):
            default_begin_time = UNSET
        else:
            default_begin_time = self.default_begin_time

        active_entries_hard_limit: int | None | Unset
        if isinstance(self.active_entries_hard_limit, Unset):
            active_entries_hard_limit = UNSET
        else:
            active_entries_hard_limit = self.active_entries_hard_limit

        is_allow_future_times: bool | None | Unset
        if isinstance(self.is_allow_future_times, Unset):
            is_allow_future_times = UNSET
        else:
            is_allow_future_times = self.is_allow_future_times

        is_allow_overlapping: bool | None | Unset
        if isinstance(self.is_allow_overlapping, Unset):
            is_allow_overlapping = UNSET
        else:
            is_allow_overlapping = self.is_allow_overlapping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tracking_mode is not UNSET:
            field_dict["trackingMode"] = tracking_mode
        if default_begin_time is not UNSET:
            field_dict["defaultBeginTime"] = default_begin_time
        if active_entries_hard_limit is not UNSET:
            field_dict["activeEntriesHardLimit"] = active_entries_hard_limit
        if is_allow_future_times is not UNSET:
            field_dict["isAllowFutureTimes"] = is_allow_future_times
        if is_allow_overlapping is not UNSET:
            field_dict["isAllowOverlapping"] = is_allow_overlapping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_tracking_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_mode = _parse_tracking_mode(d.pop("trackingMode", UNSET))

        def _parse_default_begin_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_begin_time = _parse_default_begin_time(d.pop("defaultBeginTime", UNSET))

        def _parse_active_entries_hard_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        active_entries_hard_limit = _parse_active_entries_hard_limit(
            d.pop("activeEntriesHardLimit", UNSET)
        )

        def _parse_is_allow_future_times(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_allow_future_times = _parse_is_allow_future_times(
            d.pop("isAllowFutureTimes", UNSET)
        )

        def _parse_is_allow_overlapping(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_allow_overlapping = _parse_is_allow_overlapping(
            d.pop("isAllowOverlapping", UNSET)
        )

        timesheet_config = cls(
            tracking_mode=tracking_mode,
            default_begin_time=default_begin_time,
            active_entries_hard_limit=active_entries_hard_limit,
            is_allow_future_times=is_allow_future_times,
            is_allow_overlapping=is_allow_overlapping,
        )

        timesheet_config.additional_properties = d
        return timesheet_config

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
