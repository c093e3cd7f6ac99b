from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.user_collection import UserCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    visible: str | Unset = "1",
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
    full: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["visible"] = visible

    params["orderBy"] = order_by

    params["order"] = order

    params["term"] = term

    params["full"] = full

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[UserCollection] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = UserCollection.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[UserCollection]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    visible: str | Unset = "1",
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
    full: str | Unset = UNSET,
) -> Response[list[UserCollection]]:
    """Fetch users

    Args:
        visible (str | Unset):  Default: '1'.
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):
        full (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[UserCollection]]
    """

    kwargs = _get_kwargs(
        visible=visible,
        order_by=order_by,
        order=order,
        term=term,
        full=full,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    visible: str | Unset = "1",
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
    full: str | Unset = UNSET,
) -> list[UserCollection] | None:
    """Fetch users

    Args:
        visible (str | Unset):  Default: '1'.
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):
        full (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[UserCollection]
    """

    return sync_detailed(
        client=client,
        visible=visible,
        order_by=order_by,
        order=order,
        term=term,
        full=full,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    visible: str | Unset = "1",
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
    full: str | Unset = UNSET,
) -> Response[list[UserCollection]]:
    """Fetch users

    Args:
        visible (str | Unset):  Default: '1'.
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):
        full (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[UserCollection]]
    """

    kwargs = _get_kwargs(
        visible=visible,
        order_by=order_by,
        order=order,
        term=term,
        full=full,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    visible: str | Unset = "1",
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
    full: str | Unset = UNSET,
) -> list[UserCollection] | None:
    """Fetch users

    Args:
        visible (str | Unset):  Default: '1'.
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):
        full (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[UserCollection]
    """

    return (
        await asyncio_detailed(
            client=client,
            visible=visible,
            order_by=order_by,
            order=order,
            term=term,
            full=full,
        )
    ).parsed
