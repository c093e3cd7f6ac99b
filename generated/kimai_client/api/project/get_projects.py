from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.project_collection import ProjectCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    start: str | Unset = UNSET,
    end: str | Unset = UNSET,
    ignore_dates: str | Unset = UNSET,
    global_activities: str | Unset = UNSET,
    order: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["customer"] = customer

    json_customers: list[str] | Unset = UNSET
    if not isinstance(customers, Unset):
        json_customers = customers

    params["customers[]"] = json_customers

    params["visible"] = visible

    params["start"] = start

    params["end"] = end

    params["ignoreDates"] = ignore_dates

    params["globalActivities"] = global_activities

    params["order"] = order

    params["orderBy"] = order_by

    params["term"] = term

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/projects",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[ProjectCollection] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ProjectCollection.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[ProjectCollection]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    start: str | Unset = UNSET,
    end: str | Unset = UNSET,
    ignore_dates: str | Unset = UNSET,
    global_activities: str | Unset = UNSET,
    order: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> Response[list[ProjectCollection]]:
    """Fetch projects

    Args:
        customer (str | Unset):
        customers (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        start (str | Unset):
        end (str | Unset):
        ignore_dates (str | Unset):
        global_activities (str | Unset):
        order (str | Unset):
        order_by (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[ProjectCollection]]
    """

    kwargs = _get_kwargs(
        customer=customer,
        customers=customers,
        visible=visible,
        start=start,
        end=end,
        ignore_dates=ignore_dates,
        global_activities=global_activities,
        order=order,
        order_by=order_by,
        term=term,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    start: str | Unset = UNSET,
    end: str | Unset = UNSET,
    ignore_dates: str | Unset = UNSET,
    global_activities: str | Unset = UNSET,
    order: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> list[ProjectCollection] | None:
    """Fetch projects

    Args:
        customer (str | Unset):
        customers (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        start (str | Unset):
        end (str | Unset):
        ignore_dates (str | Unset):
        global_activities (str | Unset):
        order (str | Unset):
        order_by (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[ProjectCollection]
    """

    return sync_detailed(
        client=client,
        customer=customer,
        customers=customers,
        visible=visible,
        start=start,
        end=end,
        ignore_dates=ignore_dates,
        global_activities=global_activities,
        order=order,
        order_by=order_by,
        term=term,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    start: str | Unset = UNSET,
    end: str | Unset = UNSET,
    ignore_dates: str | Unset = UNSET,
    global_activities: str | Unset = UNSET,
    order: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> Response[list[ProjectCollection]]:
    """Fetch projects

    Args:
        customer (str | Unset):
        customers (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        start (str | Unset):
        end (str | Unset):
        ignore_dates (str | Unset):
        global_activities (str | Unset):
        order (str | Unset):
        order_by (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[ProjectCollection]]
    """

    kwargs = _get_kwargs(
        customer=customer,
        customers=customers,
        visible=visible,
        start=start,
        end=end,
        ignore_dates=ignore_dates,
        global_activities=global_activities,
        order=order,
        order_by=order_by,
        term=term,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    start: str | Unset = UNSET,
    end: str | Unset = UNSET,
    ignore_dates: str | Unset = UNSET,
    global_activities: str | Unset = UNSET,
    order: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> list[ProjectCollection] | None:
    """Fetch projects

    Args:
        customer (str | Unset):
        customers (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        start (str | Unset):
        end (str | Unset):
        ignore_dates (str | Unset):
        global_activities (str | Unset):
        order (str | Unset):
        order_by (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[ProjectCollection]
    """

    return (
        await asyncio_detailed(
            client=client,
            customer=customer,
            customers=customers,
            visible=visible,
            start=start,
            end=end,
            ignore_dates=ignore_dates,
            global_activities=global_activities,
            order=order,
            order_by=order_by,
            term=term,
        )
    ).parsed
