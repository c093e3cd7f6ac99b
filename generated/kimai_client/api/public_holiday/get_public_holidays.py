from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.public_holiday import PublicHoliday
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    group: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["group"] = group

    params["begin"] = begin

    params["end"] = end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public-holidays",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[PublicHoliday] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = PublicHoliday.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[PublicHoliday]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
) -> Response[list[PublicHoliday]]:
    """Fetch public holidays

    Args:
        group (str | Unset):
        begin (str | Unset):
        end (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[PublicHoliday]]
    """

    kwargs = _get_kwargs(
        group=group,
        begin=begin,
        end=end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
) -> list[PublicHoliday] | None:
    """Fetch public holidays

    Args:
        group (str | Unset):
        begin (str | Unset):
        end (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[PublicHoliday]
    """

    return sync_detailed(
        client=client,
        group=group,
        begin=begin,
        end=end,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
) -> Response[list[PublicHoliday]]:
    """Fetch public holidays

    Args:
        group (str | Unset):
        begin (str | Unset):
        end (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[PublicHoliday]]
    """

    kwargs = _get_kwargs(
        group=group,
        begin=begin,
        end=end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
) -> list[PublicHoliday] | None:
    """Fetch public holidays

    Args:
        group (str | Unset):
        begin (str | Unset):
        end (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[PublicHoliday]
    """

    return (
        await asyncio_detailed(
            client=client,
            group=group,
            begin=begin,
            end=end,
        )
    ).parsed
