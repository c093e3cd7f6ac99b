from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.comment import Comment
from ...types import Response


def _get_kwargs(
    id: str,
    comment: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/customers/{id}/comments/{comment}/pin".format(
            id=quote(str(id), safe=""),
            comment=quote(str(comment), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Comment | None:
    if response.status_code == 200:
        response_200 = Comment.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Comment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    comment: str,
    *,
    client: AuthenticatedClient,
) -> Response[Comment]:
    """Pin customer comment

     This toggles the `pinned` status of the given comment.

    Args:
        id (str):
        comment (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Comment]
    """

    kwargs = _get_kwargs(
        id=id,
        comment=comment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    comment: str,
    *,
    client: AuthenticatedClient,
) -> Comment | None:
    """Pin customer comment

     This toggles the `pinned` status of the given comment.

    Args:
        id (str):
        comment (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Comment
    """

    return sync_detailed(
        id=id,
        comment=comment,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    comment: str,
    *,
    client: AuthenticatedClient,
) -> Response[Comment]:
    """Pin customer comment

     This toggles the `pinned` status of the given comment.

    Args:
        id (str):
        comment (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Comment]
    """

    kwargs = _get_kwargs(
        id=id,
        comment=comment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    comment: str,
    *,
    client: AuthenticatedClient,
) -> Comment | None:
    """Pin customer comment

     This toggles the `pinned` status of the given comment.

    Args:
        id (str):
        comment (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Comment
    """

    return (
        await asyncio_detailed(
            id=id,
            comment=comment,
            client=client,
        )
    ).parsed
