from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_expanded import ActivityExpanded
    from ..models.project_expanded import ProjectExpanded
    from ..models.timesheet_meta import TimesheetMeta
    from ..models.user import User


T = TypeVar("T", bound="TimesheetCollectionExpanded")


@_attrs_define
class TimesheetCollectionExpanded:
    """
    Attributes:
        tags (list[str] | None | Unset):
        id (int | None | Unset):
        begin (None | str | Unset): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        end (None | str | Unset): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        duration (int | None | Unset):  Default: 0.
        break_ (int | None | Unset):  Default: 0.
        user (None | Unset | User):
        activity (ActivityExpanded | None | Unset):
        project (None | ProjectExpanded | Unset):
        description (None | str | Unset):
        rate (float | None | Unset):  Default: 0.0.
        internal_rate (float | None | Unset):
        exported (bool | None | Unset):  Default: False.
        billable (bool | None | Unset):  Default: True.
        meta_fields (list[TimesheetMeta] | None | Unset):
    """

    tags: list[str] | None | Unset = UNSET
    id: int | None | Unset = UNSET
    begin: None | str | Unset = UNSET
    end: None | str | Unset = UNSET
    duration: int | None | Unset = 0
    break_: int | None | Unset = 0
    user: None | Unset | User = UNSET
    activity: ActivityExpanded | None | Unset = UNSET
    project: None | ProjectExpanded | Unset = UNSET
    description: None | str | Unset = UNSET
    rate: float | None | Unset = 0.0
    internal_rate: float | None | Unset = UNSET
    exported: bool | None | Unset = False
    billable: bool | None | Unset = True
    meta_fields: list[TimesheetMeta] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.activity_expanded import ActivityExpanded
        from ..models.project_expanded import ProjectExpanded
        from ..models.user import User

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        begin: None | str | Unset
        if isinstance(self.begin, Unset):
            begin = UNSET
        else:
            begin = self.begin

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        duration: int | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        break_: int | None | Unset
        if isinstance(self.break_, Unset):
            break_ = UNSET
        else:
            break_ = self.break_

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        activity: dict[str, Any] | None | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        elif isinstance(self.activity, ActivityExpanded):
            activity = self.activity.to_dict()
        else:
            activity = self.activity

        project: dict[str, Any] | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        elif isinstance(self.project, ProjectExpanded):
            project = self.project.to_dict()
        else:
            project = self.project

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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

        exported: bool | None | Unset
        if isinstance(self.exported, Unset):
            exported = UNSET
        else:
            exported = self.exported

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tags is not UNSET:
            field_dict["tags"] = tags
        if id is not UNSET:
            field_dict["id"] = id
        if begin is not UNSET:
            field_dict["begin"] = begin
        if end is not UNSET:
            field_dict["end"] = end
        if duration is not UNSET:
            field_dict["duration"] = duration
        if break_ is not UNSET:
            field_dict["break"] = break_
        if user is not UNSET:
            field_dict["user"] = user
        if activity is not UNSET:
            field_dict["activity"] = activity
        if project is not UNSET:
            field_dict["project"] = project
        if description is not UNSET:
            field_dict["description"] = description
        if rate is not UNSET:
            field_dict["rate"] = rate
        if internal_rate is not UNSET:
            field_dict["internalRate"] = internal_rate
        if exported is not UNSET:
            field_dict["exported"] = exported
        if billable is not UNSET:
            field_dict["billable"] = billable
        if meta_fields is not UNSET:
            field_dict["metaFields"] = meta_fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.activity_expanded import ActivityExpanded
        from ..models.project_expanded import ProjectExpanded
        from ..models.timesheet_meta import TimesheetMeta
        from ..models.user import User

        d = dict(src_dict)

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_begin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        begin = _parse_begin(d.pop("begin", UNSET))

        def _parse_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end = _parse_end(d.pop("end", UNSET))

        def _parse_duration(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_break_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        break_ = _parse_break_(d.pop("break", UNSET))

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

        def _parse_activity(data: object) -> ActivityExpanded | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                activity_type_1 = ActivityExpanded.from_dict(data)

                return activity_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityExpanded | None | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))

        def _parse_project(data: object) -> None | ProjectExpanded | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                project_type_1 = ProjectExpanded.from_dict(data)

                return project_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectExpanded | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        def _parse_exported(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        exported = _parse_exported(d.pop("exported", UNSET))

        def _parse_billable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        billable = _parse_billable(d.pop("billable", UNSET))

        def _parse_meta_fields(data: object) -> list[TimesheetMeta] | None | Unset:
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
                    meta_fields_type_0_item = TimesheetMeta.from_dict(
                        meta_fields_type_0_item_data
                    )

                    meta_fields_type_0.append(meta_fields_type_0_item)

                return meta_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TimesheetMeta] | None | Unset, data)

        meta_fields = _parse_meta_fields(d.pop("metaFields", UNSET))

        timesheet_collection_expanded = cls(
            tags=tags,
            id=id,
            begin=begin,
            end=end,
            duration=duration,
            break_=break_,
            user=user,
            activity=activity,
            project=project,
            description=description,
            rate=rate,
            internal_rate=internal_rate,
            exported=exported,
            billable=billable,
            meta_fields=meta_fields,
        )

        timesheet_collection_expanded.additional_properties = d
        return timesheet_collection_expanded

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
