from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer import Customer
    from ..models.project_meta import ProjectMeta


T = TypeVar("T", bound="ProjectExpanded")


@_attrs_define
class ProjectExpanded:
    """
    Attributes:
        color_safe (None | str | Unset):
        id (int | None | Unset):
        customer (Customer | None | Unset):
        name (None | str | Unset):
        order_number (None | str | Unset):
        order_date (None | str | Unset): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        start (None | str | Unset): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        end (None | str | Unset): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        comment (None | str | Unset):
        visible (bool | None | Unset):  Default: True.
        billable (bool | None | Unset):  Default: True.
        meta_fields (list[ProjectMeta] | None | Unset):
        global_activities (bool | None | Unset):  Default: True.
        number (None | str | Unset):
        color (None | str | Unset):
    """

    color_safe: None | str | Unset = UNSET
    id: int | None | Unset = UNSET
    customer: Customer | None | Unset = UNSET
    name: None | str | Unset = UNSET
    order_number: None | str | Unset = UNSET
    order_date: None | str | Unset = UNSET
    start: None | str | Unset = UNSET
    end: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    visible: bool | None | Unset = True
    billable: bool | None | Unset = True
    meta_fields: list[ProjectMeta] | None | Unset = UNSET
    global_activities: bool | None | Unset = True
    number: None | str | Unset = UNSET
    color: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer import Customer

        color_safe: None | str | Unset
        if isinstance(self.color_safe, Unset):
            color_safe = UNSET
        else:
            color_safe = self.color_safe

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        customer: dict[str, Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, Customer):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        order_number: None | str | Unset
        if isinstance(self.order_number, Unset):
            order_number = UNSET
        else:
            order_number = self.order_number

        order_date: None | str | Unset
        if isinstance(self.order_date, Unset):
            order_date = UNSET
        else:
            order_date = self.order_date

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        visible: bool | None | Unset
        if isinstance(self.visible, Unset):
            visible = UNSET
        else:
            visible = self.visible

        billable: bool | None | Unset
        if isinstance(self.billable, Unset):
            billable = UNSET
        else:
            billable = self.billable

        meta_fields: list[dict[str, Any]] | None | Unset
        if isinstance(self.meta_fields, Unset):
            meta_fields = UNSET
        elif isinstance(self.meta_fields, list):
            meta_fields = []
            for meta_fields_type_0_item_data in self.meta_fields:
                meta_fields_type_0_item = meta_fields_type_0_item_data.to_dict()
                meta_fields.append(meta_fields_type_0_item)

        else:
            meta_fields = self.meta_fields

        global_activities: bool | None | Unset
        if isinstance(self.global_activities, Unset):
            global_activities = UNSET
        else:
            global_activities = self.global_activities

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if color_safe is not UNSET:
            field_dict["color-safe"] = color_safe
        if id is not UNSET:
            field_dict["id"] = id
        if customer is not UNSET:
            field_dict["customer"] = customer
        if name is not UNSET:
            field_dict["name"] = name
        if order_number is not UNSET:
            field_dict["orderNumber"] = order_number
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if comment is not UNSET:
            field_dict["comment"] = comment
        if visible is not UNSET:
            field_dict["visible"] = visible
        if billable is not UNSET:
            field_dict["billable"] = billable
        if meta_fields is not UNSET:
            field_dict["metaFields"] = meta_fields
        if global_activities is not UNSET:
            field_dict["globalActivities"] = global_activities
        if number is not UNSET:
            field_dict["number"] = number
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.customer import Customer
        from ..models.project_meta import ProjectMeta

        d = dict(src_dict)

        def _parse_color_safe(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color_safe = _parse_color_safe(d.pop("color-safe", UNSET))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_customer(data: object) -> Customer | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_1 = Customer.from_dict(data)

                return customer_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Customer | None | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_order_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_number = _parse_order_number(d.pop("orderNumber", UNSET))

        def _parse_order_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_date = _parse_order_date(d.pop("orderDate", UNSET))

        def _parse_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        def _parse_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end = _parse_end(d.pop("end", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_visible(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        visible = _parse_visible(d.pop("visible", UNSET))

        def _parse_billable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        billable = _parse_billable(d.pop("billable", UNSET))

        def _parse_meta_fields(data: object) -> list[ProjectMeta] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                meta_fields_type_0 = []
                _meta_fields_type_0 = data
                for meta_fields_type_0_item_data in _meta_fields_type_0:
                    meta_fields_type_0_item = ProjectMeta.from_dict(
                        meta_fields_type_0_item_data
                    )

                    meta_fields_type_0.append(meta_fields_type_0_item)

                return meta_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProjectMeta] | None | Unset, data)

        meta_fields = _parse_meta_fields(d.pop("metaFields", UNSET))

        def _parse_global_activities(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        global_activities = _parse_global_activities(d.pop("globalActivities", UNSET))

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))

        project_expanded = cls(
            color_safe=color_safe,
            id=id,
            customer=customer,
            name=name,
            order_number=order_number,
            order_date=order_date,
            start=start,
            end=end,
            comment=comment,
            visible=visible,
            billable=billable,
            meta_fields=meta_fields,
            global_activities=global_activities,
            number=number,
            color=color,
        )

        project_expanded.additional_properties = d
        return project_expanded

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
