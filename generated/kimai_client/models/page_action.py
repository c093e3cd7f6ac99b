from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.page_action_html_data_attributes_to_render_the_action import (
        PageActionHTMLDataAttributesToRenderTheAction,
    )


T = TypeVar("T", bound="PageAction")


@_attrs_define
class PageAction:
    """
    Attributes:
        id (None | str | Unset):
        title (None | str | Unset):
        url (None | str | Unset):
        class_ (None | str | Unset):
        attr (None | PageActionHTMLDataAttributesToRenderTheAction | Unset):
        divider (bool | None | Unset):
    """

    id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    class_: None | str | Unset = UNSET
    attr: None | PageActionHTMLDataAttributesToRenderTheAction | Unset = UNSET
    divider: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.page_action_html_data_attributes_to_render_the_action import (
            PageActionHTMLDataAttributesToRenderTheAction,
        )

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        class_: None | str | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        else:
            class_ = self.class_

        attr: dict[str, Any] | None | Unset
        if isinstance(self.attr, Unset):
            attr = UNSET
        elif isinstance(self.attr, PageActionHTMLDataAttributesToRenderTheAction):
            attr = self.attr.to_dict()
        else:
            attr = self.attr

        divider: bool | None | Unset
        if isinstance(self.divider, Unset):
            divider = UNSET
        else:
            divider = self.divider

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url
        if class_ is not UNSET:
            field_dict["class"] = class_
        if attr is not UNSET:
            field_dict["attr"] = attr
        if divider is not UNSET:
            field_dict["divider"] = divider

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.page_action_html_data_attributes_to_render_the_action import (
            PageActionHTMLDataAttributesToRenderTheAction,
        )

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_class_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        class_ = _parse_class_(d.pop("class", UNSET))

        def _parse_attr(
            data: object,
        ) -> None | PageActionHTMLDataAttributesToRenderTheAction | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attr_type_0 = PageActionHTMLDataAttributesToRenderTheAction.from_dict(
                    data
                )

                return attr_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None | PageActionHTMLDataAttributesToRenderTheAction | Unset, data
            )

        attr = _parse_attr(d.pop("attr", UNSET))

        def _parse_divider(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        divider = _parse_divider(d.pop("divider", UNSET))

        page_action = cls(
            id=id,
            title=title,
            url=url,
            class_=class_,
            attr=attr,
            divider=divider,
        )

        page_action.additional_properties = d
        return page_action

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
