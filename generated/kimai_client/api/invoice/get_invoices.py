from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_collection import InvoiceCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["begin"] = begin

    params["end"] = end

    json_customers: list[str] | Unset = UNSET
    if not isinstance(customers, Unset):
        json_customers = customers

    params["customers[]"] = json_customers

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status[]"] = json_status

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[InvoiceCollection] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = InvoiceCollection.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[InvoiceCollection]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
) -> Response[list[InvoiceCollection]]:
    """Fetch invoices

    Args:
        begin (str | Unset):
        end (str | Unset):
        customers (list[str] | Unset):
        status (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[InvoiceCollection]]
    """

    kwargs = _get_kwargs(
        begin=begin,
        end=end,
        customers=customers,
        status=status,
        page=page,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
) -> list[InvoiceCollection] | None:
    """Fetch invoices

    Args:
        begin (str | Unset):
        end (str | Unset):
        customers (list[str] | Unset):
        status (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[InvoiceCollection]
    """

    return sync_detailed(
        client=client,
        begin=begin,
        end=end,
        customers=customers,
        status=status,
        page=page,
        size=size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
) -> Response[list[InvoiceCollection]]:
    """Fetch invoices

    Args:
        begin (str | Unset):
        end (str | Unset):
        customers (list[str] | Unset):
        status (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[InvoiceCollection]]
    """

    kwargs = _get_kwargs(
        begin=begin,
        end=end,
        customers=customers,
        status=status,
        page=page,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    status: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
) -> list[InvoiceCollection] | None:
    """Fetch invoices

    Args:
        begin (str | Unset):
        end (str | Unset):
        customers (list[str] | Unset):
        status (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[InvoiceCollection]
    """

    return (
        await asyncio_detailed(
            client=client,
            begin=begin,
            end=end,
            customers=customers,
            status=status,
            page=page,
            size=size,
        )
    ).parsed
