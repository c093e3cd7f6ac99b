from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.timesheet_edit_form import TimesheetEditForm
from ...models.timesheet_entity import TimesheetEntity
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TimesheetEditForm,
    full: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["full"] = full

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/timesheets",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> TimesheetEntity | None:
    if response.status_code == 200:
        response_200 = TimesheetEntity.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[TimesheetEntity]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TimesheetEditForm,
    full: str | Unset = UNSET,
) -> Response[TimesheetEntity]:
    """Create timesheet

     Creates a new timesheet for the current user and returns it afterwards.

    Args:
        full (str | Unset):
        body (TimesheetEditForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TimesheetEntity]
    """

    kwargs = _get_kwargs(
        body=body,
        full=full,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TimesheetEditForm,
    full: str | Unset = UNSET,
) -> TimesheetEntity | None:
    """Create timesheet

     Creates a new timesheet for the current user and returns it afterwards.

    Args:
        full (str | Unset):
        body (TimesheetEditForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TimesheetEntity
    """

    return sync_detailed(
        client=client,
        body=body,
        full=full,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TimesheetEditForm,
    full: str | Unset = UNSET,
) -> Response[TimesheetEntity]:
    """Create timesheet

     Creates a new timesheet for the current user and returns it afterwards.

    Args:
        full (str | Unset):
        body (TimesheetEditForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TimesheetEntity]
    """

    kwargs = _get_kwargs(
        body=body,
        full=full,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TimesheetEditForm,
    full: str | Unset = UNSET,
) -> TimesheetEntity | None:
    """Create timesheet

     Creates a new timesheet for the current user and returns it afterwards.

    Args:
        full (str | Unset):
        body (TimesheetEditForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TimesheetEntity
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            full=full,
        )
    ).parsed
