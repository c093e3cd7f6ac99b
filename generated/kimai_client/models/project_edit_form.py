from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_edit_form_budget_type import (
    ProjectEditFormBudgetType,
    check_project_edit_form_budget_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectEditForm")


@_attrs_define
class ProjectEditForm:
    """
    Attributes:
        name (str | Unset):
        number (str | Unset):
        comment (str | Unset):
        invoice_text (str | Unset):
        order_number (str | Unset):
        order_date (str | Unset):
        start (str | Unset):
        end (str | Unset):
        customer (int | Unset): Customer ID
        teams (list[int] | Unset): Array of Team IDs
        color (str | Unset): The hexadecimal color code (default: auto-calculated by name)
        budget (Any | Unset): The money budget
        time_budget (str | Unset): Duration - supports various formats: https://www.kimai.org/documentation/duration-
            format.html Example: 01:30.
        budget_type (ProjectEditFormBudgetType | Unset): The type of budget. Only submit if you want to use a monthly
            budget.
        global_activities (bool | Unset):
        visible (bool | Unset):
        billable (bool | Unset):
    """

    name: str | Unset = UNSET
    number: str | Unset = UNSET
    comment: str | Unset = UNSET
    invoice_text: str | Unset = UNSET
    order_number: str | Unset = UNSET
    order_date: str | Unset = UNSET
    start: str | Unset = UNSET
    end: str | Unset = UNSET
    customer: int | Unset = UNSET
    teams: list[int] | Unset = UNSET
    color: str | Unset = UNSET
    budget: Any | Unset = UNSET
    time_budget: str | Unset = UNSET
    budget_type: ProjectEditFormBudgetType | Unset = UNSET
    global_activities: bool | Unset = UNSET
    visible: bool | Unset = UNSET
    billable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        number = self.number

        comment = self.comment

        invoice_text = self.invoice_text

        order_number = self.order_number

        order_date = self.order_date

        start = self.start

        end = self.end

        customer = self.customer

        teams: list[int] | Unset = UNSET
        if not isinstance(self.teams, Unset):
            teams = self.teams

        color = self.color

        budget = self.budget

        time_budget = self.time_budget

        budget_type: str | Unset = UNSET
        if not isinstance(self.budget_type, Unset):
            budget_type = self.budget_type

        global_activities = self.global_activities

        visible = self.visible

        billable = self.billable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if number is not UNSET:
            field_dict["number"] = number
        if comment is not UNSET:
            field_dict["comment"] = comment
        if invoice_text is not UNSET:
            field_dict["invoiceText"] = invoice_text
        if order_number is not UNSET:
            field_dict["orderNumber"] = order_number
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if customer is not UNSET:
            field_dict["customer"] = customer
        if teams is not UNSET:
            field_dict["teams"] = teams
        if color is not UNSET:
            field_dict["color"] = color
        if budget is not UNSET:
            field_dict["budget"] = budget
        if time_budget is not UNSET:
            field_dict["timeBudget"] = time_budget
        if budget_type is not UNSET:
            field_dict["budgetType"] = budget_type
        if global_activities is not UNSET:
            field_dict["globalActivities"] = global_activities
        if visible is not UNSET:
            field_dict["visible"] = visible
        if billable is not UNSET:
            field_dict["billable"] = billable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        number = d.pop("number", UNSET)

        comment = d.pop("comment", UNSET)

        invoice_text = d.pop("invoiceText", UNSET)

        order_number = d.pop("orderNumber", UNSET)

        order_date = d.pop("orderDate", UNSET)

        start = d.pop("start", UNSET)

        end = d.pop("end", UNSET)

        customer = d.pop("customer", UNSET)

        teams = cast(list[int], d.pop("teams", UNSET))

        color = d.pop("color", UNSET)

        budget = d.pop("budget", UNSET)

        time_budget = d.pop("timeBudget", UNSET)

        _budget_type = d.pop("budgetType", UNSET)
        budget_type: ProjectEditFormBudgetType | Unset
        if isinstance(_budget_type, Unset):
            budget_type = UNSET
        else:
            budget_type = check_project_edit_form_budget_type(_budget_type)

        global_activities = d.pop("globalActivities", UNSET)

        visible = d.pop("visible", UNSET)

        billable = d.pop("billable", UNSET)

        project_edit_form = cls(
            name=name,
            number=number,
            comment=comment,
            invoice_text=invoice_text,
            order_number=order_number,
            order_date=order_date,
            start=start,
            end=end,
            customer=customer,
            teams=teams,
            color=color,
            budget=budget,
            time_budget=time_budget,
            budget_type=budget_type,
            global_activities=global_activities,
            visible=visible,
            billable=billable,
        )

        project_edit_form.additional_properties = d
        return project_edit_form

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
