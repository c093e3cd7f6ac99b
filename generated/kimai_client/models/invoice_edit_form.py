from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_edit_form_status import (
    InvoiceEditFormStatus,
    check_invoice_edit_form_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceEditForm")


@_attrs_define
class InvoiceEditForm:
    """
    Attributes:
        comment (str | Unset): Free text about the invoice
        status (InvoiceEditFormStatus | Unset): The invoice status
        payment_date (str | Unset): The day the invoice was paid (format: YYYY-MM-DD) Example: 2026-09-30.
    """

    comment: str | Unset = UNSET
    status: InvoiceEditFormStatus | Unset = UNSET
    payment_date: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment = self.comment

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        payment_date = self.payment_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comment is not UNSET:
            field_dict["comment"] = comment
        if status is not UNSET:
            field_dict["status"] = status
        if payment_date is not UNSET:
            field_dict["paymentDate"] = payment_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        comment = d.pop("comment", UNSET)

        _status = d.pop("status", UNSET)
        status: InvoiceEditFormStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_invoice_edit_form_status(_status)

        payment_date = d.pop("paymentDate", UNSET)

        invoice_edit_form = cls(
            comment=comment,
            status=status,
            payment_date=payment_date,
        )

        invoice_edit_form.additional_properties = d
        return invoice_edit_form

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
