from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity_collection import ActivityCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    globals_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["project"] = project

    json_projects: list[str] | Unset = UNSET
    if not isinstance(projects, Unset):
        json_projects = projects

    params["projects[]"] = json_projects

    params["visible"] = visible

    params["globals"] = globals_

    params["orderBy"] = order_by

    params["order"] = order

    params["term"] = term

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/activities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[ActivityCollection] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ActivityCollection.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[ActivityCollection]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    globals_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> Response[list[ActivityCollection]]:
    """Fetch activities

    Args:
        project (str | Unset):
        projects (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        globals_ (str | Unset):
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[ActivityCollection]]
    """

    kwargs = _get_kwargs(
        project=project,
        projects=projects,
        visible=visible,
        globals_=globals_,
        order_by=order_by,
        order=order,
        term=term,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    globals_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> list[ActivityCollection] | None:
    """Fetch activities

    Args:
        project (str | Unset):
        projects (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        globals_ (str | Unset):
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[ActivityCollection]
    """

    return sync_detailed(
        client=client,
        project=project,
        projects=projects,
        visible=visible,
        globals_=globals_,
        order_by=order_by,
        order=order,
        term=term,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    globals_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> Response[list[ActivityCollection]]:
    """Fetch activities

    Args:
        project (str | Unset):
        projects (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        globals_ (str | Unset):
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[ActivityCollection]]
    """

    kwargs = _get_kwargs(
        project=project,
        projects=projects,
        visible=visible,
        globals_=globals_,
        order_by=order_by,
        order=order,
        term=term,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    visible: str | Unset = "1",
    globals_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    term: str | Unset = UNSET,
) -> list[ActivityCollection] | None:
    """Fetch activities

    Args:
        project (str | Unset):
        projects (list[str] | Unset):
        visible (str | Unset):  Default: '1'.
        globals_ (str | Unset):
        order_by (str | Unset):
        order (str | Unset):
        term (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[ActivityCollection]
    """

    return (
        await asyncio_detailed(
            client=client,
            project=project,
            projects=projects,
            visible=visible,
            globals_=globals_,
            order_by=order_by,
            order=order,
            term=term,
        )
    ).parsed
