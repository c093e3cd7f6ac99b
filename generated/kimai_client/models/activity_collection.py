from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_meta import ActivityMeta
    from ..models.team import Team


T = TypeVar("T", bound="ActivityCollection")


@_attrs_define
class ActivityCollection:
    """
    Attributes:
        parent_title (None | str | Unset):
        project (int | None | Unset):
        color_safe (None | str | Unset):
        id (int | None | Unset):
        name (None | str | Unset):
        comment (None | str | Unset):
        visible (bool | None | Unset):  Default: True.
        billable (bool | None | Unset):  Default: True.
        meta_fields (list[ActivityMeta] | None | Unset):
        teams (list[Team] | None | Unset):
        number (None | str | Unset):
        color (None | str | Unset):
    """

    parent_title: None | str | Unset = UNSET
    project: int | None | Unset = UNSET
    color_safe: None | str | Unset = UNSET
    id: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    visible: bool | None | Unset = True
    billable: bool | None | Unset = True
    meta_fields: list[ActivityMeta] | None | Unset = UNSET
    teams: list[Team] | None | Unset = UNSET
    number: None | str | Unset = UNSET
    color: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parent_title: None | str | Unset
        if isinstance(self.parent_title, Unset):
            parent_title = UNSET
        else:
            parent_title = self.parent_title

        project: int | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        teams: list[dict[str, Any]] | None | Unset
        if isinstance(self.teams, Unset):
            teams = UNSET
        elif isinstance(self.teams, list):
            teams = []
            for teams_type_0_item_data in self.teams:
                teams_type_0_item = teams_type_0_item_data.to_dict()
                teams.append(teams_type_0_item)

        else:
            teams = self.teams

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
        if parent_title is not UNSET:
            field_dict["parentTitle"] = parent_title
        if project is not UNSET:
            field_dict["project"] = project
        if color_safe is not UNSET:
            field_dict["color-safe"] = color_safe
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if comment is not UNSET:
            field_dict["comment"] = comment
        if visible is not UNSET:
            field_dict["visible"] = visible
        if billable is not UNSET:
            field_dict["billable"] = billable
        if meta_fields is not UNSET:
            field_dict["metaFields"] = meta_fields
        if teams is not UNSET:
            field_dict["teams"] = teams
        if number is not UNSET:
            field_dict["number"] = number
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.activity_meta import ActivityMeta
        from ..models.team import Team

        d = dict(src_dict)

        def _parse_parent_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_title = _parse_parent_title(d.pop("parentTitle", UNSET))

        def _parse_project(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_meta_fields(data: object) -> list[ActivityMeta] | None | Unset:
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
                    meta_fields_type_0_item = ActivityMeta.from_dict(
                        meta_fields_type_0_item_data
                    )

                    meta_fields_type_0.append(meta_fields_type_0_item)

                return meta_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ActivityMeta] | None | Unset, data)

        meta_fields = _parse_meta_fields(d.pop("metaFields", UNSET))

        def _parse_teams(data: object) -> list[Team] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                teams_type_0 = []
                _teams_type_0 = data
                for teams_type_0_item_data in _teams_type_0:
                    teams_type_0_item = Team.from_dict(teams_type_0_item_data)

                    teams_type_0.append(teams_type_0_item)

                return teams_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Team] | None | Unset, data)

        teams = _parse_teams(d.pop("teams", UNSET))

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

        activity_collection = cls(
            parent_title=parent_title,
            project=project,
            color_safe=color_safe,
            id=id,
            name=name,
            comment=comment,
            visible=visible,
            billable=billable,
            meta_fields=meta_fields,
            teams=teams,
            number=number,
            color=color,
        )

        activity_collection.additional_properties = d
        return activity_collection

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
