from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="ActivityRate")


@_attrs_define
class ActivityRate:
    """
    Attributes:
        id (int | None | Unset):
        user (None | Unset | User):
        rate (float | None | Unset):  Default: 0.0.
        internal_rate (float | None | Unset):
        is_fixed (bool | None | Unset):  Default: False.
    """

    id: int | None | Unset = UNSET
    user: None | Unset | User = UNSET
    rate: float | None | Unset = 0.0
    internal_rate: float | None | Unset = UNSET
    is_fixed: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user import User

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        rate: float | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        internal_rate: float | None | Unset
        if isinstance(self.internal_rate, Unset):
            internal_rate = UNSET
        else:
            internal_rate = self.internal_rate

        is_fixed: bool | None | Unset
        if isinstance(self.is_fixed, Unset):
            is_fixed = UNSET
        else:
            is_fixed = self.is_fixed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
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
        from ..models.user import User

        d = dict(src_dict)

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_user(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_1 = User.from_dict(data)

                return user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_internal_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        internal_rate = _parse_internal_rate(d.pop("internalRate", UNSET))

        def _parse_is_fixed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_fixed = _parse_is_fixed(d.pop("isFixed", UNSET))

        activity_rate = cls(
            id=id,
            user=user,
            rate=rate,
            internal_rate=internal_rate,
            is_fixed=is_fixed,
        )

        activity_rate.additional_properties = d
        return activity_rate

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
