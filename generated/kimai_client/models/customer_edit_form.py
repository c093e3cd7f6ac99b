from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_edit_form_budget_type import (
    CustomerEditFormBudgetType,
    check_customer_edit_form_budget_type,
)
from ..models.customer_edit_form_language import (
    CustomerEditFormLanguage,
    check_customer_edit_form_language,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerEditForm")


@_attrs_define
class CustomerEditForm:
    """
    Attributes:
        name (str | Unset):
        number (str | Unset):
        comment (str | Unset):
        company (str | Unset):
        vat_id (str | Unset):
        contact (str | Unset):
        address_line_1 (str | Unset):
        address_line_2 (str | Unset):
        address_line_3 (str | Unset):
        post_code (str | Unset):
        city (str | Unset):
        country (str | Unset):
        language (CustomerEditFormLanguage | Unset):
        currency (str | Unset):
        phone (str | Unset):
        fax (str | Unset):
        mobile (str | Unset):
        email (str | Unset):
        homepage (str | Unset):
        timezone (str | Unset):
        invoice_text (str | Unset):
        invoice_template (str | Unset):
        invoice_email (str | Unset):
        buyer_reference (str | Unset):
        teams (list[int] | Unset): Array of Team IDs
        color (str | Unset): The hexadecimal color code (default: auto-calculated by name)
        budget (Any | Unset): The money budget
        time_budget (str | Unset): Duration - supports various formats: https://www.kimai.org/documentation/duration-
            format.html Example: 01:30.
        budget_type (CustomerEditFormBudgetType | Unset): The type of budget. Only submit if you want to use a monthly
            budget.
        visible (bool | Unset):
        billable (bool | Unset):
    """

    name: str | Unset = UNSET
    number: str | Unset = UNSET
    comment: str | Unset = UNSET
    company: str | Unset = UNSET
    vat_id: str | Unset = UNSET
    contact: str | Unset = UNSET
    address_line_1: str | Unset = UNSET
    address_line_2: str | Unset = UNSET
    address_line_3: str | Unset = UNSET
    post_code: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    language: CustomerEditFormLanguage | Unset = UNSET
    currency: str | Unset = UNSET
    phone: str | Unset = UNSET
    fax: str | Unset = UNSET
    mobile: str | Unset = UNSET
    email: str | Unset = UNSET
    homepage: str | Unset = UNSET
    timezone: str | Unset = UNSET
    invoice_text: str | Unset = UNSET
    invoice_template: str | Unset = UNSET
    invoice_email: str | Unset = UNSET
    buyer_reference: str | Unset = UNSET
    teams: list[int] | Unset = UNSET
    color: str | Unset = UNSET
    budget: Any | Unset = UNSET
    time_budget: str | Unset = UNSET
    budget_type: CustomerEditFormBudgetType | Unset = UNSET
    visible: bool | Unset = UNSET
    billable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        number = self.number

        comment = self.comment

        company = self.company

        vat_id = self.vat_id

        contact = self.contact

        address_line_1 = self.address_line_1

        address_line_2 = self.address_line_2

        address_line_3 = self.address_line_3

        post_code = self.post_code

        city = self.city

        country = self.country

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language

        currency = self.currency

        phone = self.phone

        fax = self.fax

        mobile = self.mobile

        email = self.email

        homepage = self.homepage

        timezone = self.timezone

        invoice_text = self.invoice_text

        invoice_template = self.invoice_template

        invoice_email = self.invoice_email

        buyer_reference = self.buyer_reference

        teams: list[int] | Unset = UNSET
        if not isinstance(self.teams, Unset):
            teams = self.teams

        color = self.color

        budget = self.budget

        time_budget = self.time_budget

        budget_type: str | Unset = UNSET
        if not isinstance(self.budget_type, Unset):
            budget_type = self.budget_type

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
        if company is not UNSET:
            field_dict["company"] = company
        if vat_id is not UNSET:
            field_dict["vatId"] = vat_id
        if contact is not UNSET:
            field_dict["contact"] = contact
        if address_line_1 is not UNSET:
            field_dict["addressLine1"] = address_line_1
        if address_line_2 is not UNSET:
            field_dict["addressLine2"] = address_line_2
        if address_line_3 is not UNSET:
            field_dict["addressLine3"] = address_line_3
        if post_code is not UNSET:
            field_dict["postCode"] = post_code
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if currency is not UNSET:
            field_dict["currency"] = currency
        if phone is not UNSET:
            field_dict["phone"] = phone
        if fax is not UNSET:
            field_dict["fax"] = fax
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if email is not UNSET:
            field_dict["email"] = email
        if homepage is not UNSET:
            field_dict["homepage"] = homepage
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if invoice_text is not UNSET:
            field_dict["invoiceText"] = invoice_text
        if invoice_template is not UNSET:
            field_dict["invoiceTemplate"] = invoice_template
        if invoice_email is not UNSET:
            field_dict["invoiceEmail"] = invoice_email
        if buyer_reference is not UNSET:
            field_dict["buyerReference"] = buyer_reference
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

        company = d.pop("company", UNSET)

        vat_id = d.pop("vatId", UNSET)

        contact = d.pop("contact", UNSET)

        address_line_1 = d.pop("addressLine1", UNSET)

        address_line_2 = d.pop("addressLine2", UNSET)

        address_line_3 = d.pop("addressLine3", UNSET)

        post_code = d.pop("postCode", UNSET)

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        _language = d.pop("language", UNSET)
        language: CustomerEditFormLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = check_customer_edit_form_language(_language)

        currency = d.pop("currency", UNSET)

        phone = d.pop("phone", UNSET)

        fax = d.pop("fax", UNSET)

        mobile = d.pop("mobile", UNSET)

        email = d.pop("email", UNSET)

        homepage = d.pop("homepage", UNSET)

        timezone = d.pop("timezone", UNSET)

        invoice_text = d.pop("invoiceText", UNSET)

        invoice_template = d.pop("invoiceTemplate", UNSET)

        invoice_email = d.pop("invoiceEmail", UNSET)

        buyer_reference = d.pop("buyerReference", UNSET)

        teams = cast(list[int], d.pop("teams", UNSET))

        color = d.pop("color", UNSET)

        budget = d.pop("budget", UNSET)

        time_budget = d.pop("timeBudget", UNSET)

        _budget_type = d.pop("budgetType", UNSET)
        budget_type: CustomerEditFormBudgetType | Unset
        if isinstance(_budget_type, Unset):
            budget_type = UNSET
        else:
            budget_type = check_customer_edit_form_budget_type(_budget_type)

        visible = d.pop("visible", UNSET)

        billable = d.pop("billable", UNSET)

        customer_edit_form = cls(
            name=name,
            number=number,
            comment=comment,
            company=company,
            vat_id=vat_id,
            contact=contact,
            address_line_1=address_line_1,
            address_line_2=address_line_2,
            address_line_3=address_line_3,
            post_code=post_code,
            city=city,
            country=country,
            language=language,
            currency=currency,
            phone=phone,
            fax=fax,
            mobile=mobile,
            email=email,
            homepage=homepage,
            timezone=timezone,
            invoice_text=invoice_text,
            invoice_template=invoice_template,
            invoice_email=invoice_email,
            buyer_reference=buyer_reference,
            teams=teams,
            color=color,
            budget=budget,
            time_budget=time_budget,
            budget_type=budget_type,
            visible=visible,
            billable=billable,
        )

        customer_edit_form.additional_properties = d
        return customer_edit_form

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
