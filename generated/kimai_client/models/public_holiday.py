from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.public_holiday_group import PublicHolidayGroup


T = TypeVar("T", bound="PublicHoliday")


@_attrs_define
class PublicHoliday:
    """
    Attributes:
        id (int | None | Unset):
        date (None | str | Unset):
        name (None | str | Unset):
        public_holiday_group (None | PublicHolidayGroup | Unset):
        half_day (bool | None | Unset):  Default: False.
    """

    id: int | None | Unset = UNSET
    date: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    public_holiday_group: None | PublicHolidayGroup | Unset = UNSET
    half_day: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_holiday_group import PublicHolidayGroup

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        else:
            date = self.date

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        public_holiday_group: dict[str, Any] | None | Unset
        if isinstance(self.public_holiday_group, Unset):
            public_holiday_group = UNSET
        elif isinstance(self.public_holiday_group, PublicHolidayGroup):
            public_holiday_group = self.public_holiday_group.to_dict()
        else:
            public_holiday_group = self.public_holiday_group

        half_day: bool | None | Unset
        if isinstance(self.half_day, Unset):
            half_day = UNSET
        else:
            half_day = self.half_day

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if date is not UNSET:
            field_dict["date"] = date
        if name is not UNSET:
            field_dict["name"] = name
        if public_holiday_group is not UNSET:
            field_dict["publicHolidayGroup"] = public_holiday_group
        if half_day is not UNSET:
            field_dict["halfDay"] = half_day

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.public_holiday_group import PublicHolidayGroup

        d = dict(src_dict)

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_public_holiday_group(
            data: object,
        ) -> None | PublicHolidayGroup | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_holiday_group_type_1 = PublicHolidayGroup.from_dict(data)

                return public_holiday_group_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicHolidayGroup | Unset, data)

        public_holiday_group = _parse_public_holiday_group(
            d.pop("publicHolidayGroup", UNSET)
        )

        def _parse_half_day(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        half_day = _parse_half_day(d.pop("halfDay", UNSET))

        public_holiday = cls(
            id=id,
            date=date,
            name=name,
            public_holiday_group=public_holiday_group,
            half_day=half_day,
        )

        public_holiday.additional_properties = d
        return public_holiday

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
