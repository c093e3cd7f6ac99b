from __future__ import annotations

import datetime
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


T = TypeVar("T", bound="TimesheetExpanded")


@_attrs_define
class TimesheetExpanded:
    """
    Attributes:
        begin (datetime.datetime): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        user (User):
        activity (ActivityExpanded):
        project (ProjectExpanded):
        tags (list[str] | Unset):
        id (int | Unset):
        end (datetime.datetime | Unset): Attention: Accessor MUST be used, otherwise date will be serialized in UTC.
        duration (int | Unset):  Default: 0.
        break_ (int | Unset):  Default: 0.
        description (str | Unset):
        rate (float | Unset):  Default: 0.0.
        internal_rate (float | Unset):
        fixed_rate (float | Unset):
        hourly_rate (float | Unset):
        exported (bool | Unset):  Default: False.
        billable (bool | Unset):  Default: True.
        meta_fields (list[TimesheetMeta] | Unset):
    """

    begin: datetime.datetime
    user: User
    activity: ActivityExpanded
    project: ProjectExpanded
    tags: list[str] | Unset = UNSET
    id: int | Unset = UNSET
    end: datetime.datetime | Unset = UNSET
    duration: int | Unset = 0
    break_: int | Unset = 0
    description: str | Unset = UNSET
    rate: float | Unset = 0.0
    internal_rate: float | Unset = UNSET
    fixed_rate: float | Unset = UNSET
    hourly_rate: float | Unset = UNSET
    exported: bool | Unset = False
    billable: bool | Unset = True
    meta_fields: list[TimesheetMeta] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        begin = self.begin.isoformat()

        user = self.user.to_dict()

        activity = self.activity.to_dict()

        project = self.project.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        id = self.id

        end: str | Unset = UNSET
        if not isinstance(self.end, Unset):
            end = self.end.isoformat()

        duration = self.duration

        break_ = self.break_

        description = self.description

        rate = self.rate

        internal_rate = self.internal_rate

        fixed_rate = self.fixed_rate

        hourly_rate = self.hourly_rate

        exported = self.exported

        billable = self.billable

        meta_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.meta_fields, Unset):
            meta_fields = []
            for meta_fields_item_data in self.meta_fields:
                meta_fields_item = meta_fields_item_data.to_dict()
                meta_fields.append(meta_fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "begin": begin,
                "user": user,
                "activity": activity,
                "project": project,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
        if id is not UNSET:
            field_dict["id"] = id
        if end is not UNSET:
            field_dict["end"] = end
        if duration is not UNSET:
            field_dict["duration"] = duration
        if break_ is not UNSET:
            field_dict["break"] = break_
        if description is not UNSET:
            field_dict["description"] = description
        if rate is not UNSET:
            field_dict["rate"] = rate
        if internal_rate is not UNSET:
            field_dict["internalRate"] = internal_rate
        if fixed_rate is not UNSET:
            field_dict["fixedRate"] = fixed_rate
        if hourly_rate is not UNSET:
            field_dict["hourlyRate"] = hourly_rate
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
        begin = datetime.datetime.fromisoformat(d.pop("begin"))

        user = User.from_dict(d.pop("user"))

        activity = ActivityExpanded.from_dict(d.pop("activity"))

        project = ProjectExpanded.from_dict(d.pop("project"))

        tags = cast(list[str], d.pop("tags", UNSET))

        id = d.pop("id", UNSET)

        _end = d.pop("end", UNSET)
        end: datetime.datetime | Unset
        if isinstance(_end, Unset):
            end = UNSET
        else:
            end = datetime.datetime.fromisoformat(_end)

        duration = d.pop("duration", UNSET)

        break_ = d.pop("break", UNSET)

        description = d.pop("description", UNSET)

        rate = d.pop("rate", UNSET)

        internal_rate = d.pop("internalRate", UNSET)

        fixed_rate = d.pop("fixedRate", UNSET)

        hourly_rate = d.pop("hourlyRate", UNSET)

        exported = d.pop("exported", UNSET)

        billable = d.pop("billable", UNSET)

        _meta_fields = d.pop("metaFields", UNSET)
        meta_fields: list[TimesheetMeta] | Unset = UNSET
        if _meta_fields is not UNSET:
            meta_fields = []
            for meta_fields_item_data in _meta_fields:
                meta_fields_item = TimesheetMeta.from_dict(meta_fields_item_data)

                meta_fields.append(meta_fields_item)

        timesheet_expanded = cls(
            begin=begin,
            user=user,
            activity=activity,
            project=project,
            tags=tags,
            id=id,
            end=end,
            duration=duration,
            break_=break_,
            description=description,
            rate=rate,
            internal_rate=internal_rate,
            fixed_rate=fixed_rate,
            hourly_rate=hourly_rate,
            exported=exported,
            billable=billable,
            meta_fields=meta_fields,
        )

        timesheet_expanded.additional_properties = d
        return timesheet_expanded

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
