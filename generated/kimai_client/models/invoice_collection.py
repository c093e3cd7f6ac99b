from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer import Customer
    from ..models.invoice_meta import InvoiceMeta
    from ..models.user import User


T = TypeVar("T", bound="InvoiceCollection")


@_attrs_define
class InvoiceCollection:
    """
    Attributes:
        created_at (None | str | Unset):
        overdue (bool | None | Unset):
        id (int | None | Unset):
        invoice_number (None | str | Unset):
        comment (None | str | Unset):
        customer (Customer | None | Unset):
        user (None | Unset | User):
        total (float | None | Unset):  Default: 0.0.
        tax (float | None | Unset):  Default: 0.0.
        currency (None | str | Unset):
        due_days (int | None | Unset):  Default: 30.
        vat (float | None | Unset):  Default: 0.0.
        status (None | str | Unset):  Default: 'new'.
        invoice_filename (None | str | Unset):
        payment_date (None | str | Unset):
        meta_fields (list[InvoiceMeta] | None | Unset):
    """

    created_at: None | str | Unset = UNSET
    overdue: bool | None | Unset = UNSET
    id: int | None | Unset = UNSET
    invoice_number: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    customer: Customer | None | Unset = UNSET
    user: None | Unset | User = UNSET
    total: float | None | Unset = 0.0
    tax: float | None | Unset = 0.0
    currency: None | str | Unset = UNSET
    due_days: int | None | Unset = 30
    vat: float | None | Unset = 0.0
    status: None | str | Unset = "new"
    invoice_filename: None | str | Unset = UNSET
    payment_date: None | str | Unset = UNSET
    meta_fields: list[InvoiceMeta] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer import Customer
        from ..models.user import User

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        overdue: bool | None | Unset
        if isinstance(self.overdue, Unset):
            overdue = UNSET
        else:
            overdue = self.overdue

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        invoice_number: None | str | Unset
        if isinstance(self.invoice_number, Unset):
            invoice_number = UNSET
        else:
            invoice_number = self.invoice_number

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        customer: dict[str, Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, Customer):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        total: float | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        tax: float | None | Unset
        if isinstance(self.tax, Unset):
            tax = UNSET
        else:
            tax = self.tax

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        due_days: int | None | Unset
        if isinstance(self.due_days, Unset):
            due_days = UNSET
        else:
            due_days = self.due_days

        vat: float | None | Unset
        if isinstance(self.vat, Unset):
            vat = UNSET
        else:
            vat = self.vat

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        invoice_filename: None | str | Unset
        if isinstance(self.invoice_filename, Unset):
            invoice_filename = UNSET
        else:
            invoice_filename = self.invoice_filename

        payment_date: None | str | Unset
        if isinstance(self.payment_date, Unset):
            payment_date = UNSET
        else:
            payment_date = self.payment_date

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
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if id is not UNSET:
            field_dict["id"] = id
        if invoice_number is not UNSET:
            field_dict["invoiceNumber"] = invoice_number
        if comment is not UNSET:
            field_dict["comment"] = comment
        if customer is not UNSET:
            field_dict["customer"] = customer
        if user is not UNSET:
            field_dict["user"] = user
        if total is not UNSET:
            field_dict["total"] = total
        if tax is not UNSET:
            field_dict["tax"] = tax
        if currency is not UNSET:
            field_dict["currency"] = currency
        if due_days is not UNSET:
            field_dict["dueDays"] = due_days
        if vat is not UNSET:
            field_dict["vat"] = vat
        if status is not UNSET:
            field_dict["status"] = status
        if invoice_filename is not UNSET:
            field_dict["invoiceFilename"] = invoice_filename
        if payment_date is not UNSET:
            field_dict["paymentDate"] = payment_date
        if meta_fields is not UNSET:
            field_dict["metaFields"] = meta_fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.customer import Customer
        from ..models.invoice_meta import InvoiceMeta
        from ..models.user import User

        d = dict(src_dict)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))

        def _parse_overdue(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        overdue = _parse_overdue(d.pop("overdue", UNSET))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_invoice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_number = _parse_invoice_number(d.pop("invoiceNumber", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

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

        def _parse_total(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        def _parse_tax(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tax = _parse_tax(d.pop("tax", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_due_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        due_days = _parse_due_days(d.pop("dueDays", UNSET))

        def _parse_vat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        vat = _parse_vat(d.pop("vat", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_invoice_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_filename = _parse_invoice_filename(d.pop("invoiceFilename", UNSET))

        def _parse_payment_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_date = _parse_payment_date(d.pop("paymentDate", UNSET))

        def _parse_meta_fields(data: object) -> list[InvoiceMeta] | None | Unset:
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
                    meta_fields_type_0_item = InvoiceMeta.from_dict(
                        meta_fields_type_0_item_data
                    )

                    meta_fields_type_0.append(meta_fields_type_0_item)

                return meta_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvoiceMeta] | None | Unset, data)

        meta_fields = _parse_meta_fields(d.pop("metaFields", UNSET))

        invoice_collection = cls(
            created_at=created_at,
            overdue=overdue,
            id=id,
            invoice_number=invoice_number,
            comment=comment,
            customer=customer,
            user=user,
            total=total,
            tax=tax,
            currency=currency,
            due_days=due_days,
            vat=vat,
            status=status,
            invoice_filename=invoice_filename,
            payment_date=payment_date,
            meta_fields=meta_fields,
        )

        invoice_collection.additional_properties = d
        return invoice_collection

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
