from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_action import PageAction
from ...types import Response


def _get_kwargs(
    id: str,
    view: str,
    locale: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/actions/project/{id}/{view}/{locale}".format(
            id=quote(str(id), safe=""),
            view=quote(str(view), safe=""),
            locale=quote(str(locale), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[PageAction] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = PageAction.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[PageAction]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    view: str,
    locale: str,
    *,
    client: AuthenticatedClient,
) -> Response[list[PageAction]]:
    """Fetch item actions for Project

    Args:
        id (str):
        view (str):
        locale (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[PageAction]]
    """

    kwargs = _get_kwargs(
        id=id,
        view=view,
        locale=locale,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    view: str,
    locale: str,
    *,
    client: AuthenticatedClient,
) -> list[PageAction] | None:
    """Fetch item actions for Project

    Args:
        id (str):
        view (str):
        locale (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[PageAction]
    """

    return sync_detailed(
        id=id,
        view=view,
        locale=locale,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    view: str,
    locale: str,
    *,
    client: AuthenticatedClient,
) -> Response[list[PageAction]]:
    """Fetch item actions for Project

    Args:
        id (str):
        view (str):
        locale (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[PageAction]]
    """

    kwargs = _get_kwargs(
        id=id,
        view=view,
        locale=locale,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    view: str,
    locale: str,
    *,
    client: AuthenticatedClient,
) -> list[PageAction] | None:
    """Fetch item actions for Project

    Args:
        id (str):
        view (str):
        locale (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[PageAction]
    """

    return (
        await asyncio_detailed(
            id=id,
            view=view,
            locale=locale,
            client=client,
        )
    ).parsed
