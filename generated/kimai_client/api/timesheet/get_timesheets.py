from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.timesheet_collection import TimesheetCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user: str | Unset = UNSET,
    users: list[str] | Unset = UNSET,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    activity: str | Unset = UNSET,
    activities: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    exported: str | Unset = UNSET,
    active: str | Unset = UNSET,
    billable: str | Unset = UNSET,
    full: str | Unset = UNSET,
    term: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user"] = user

    json_users: list[str] | Unset = UNSET
    if not isinstance(users, Unset):
        json_users = users

    params["users[]"] = json_users

    params["customer"] = customer

    json_customers: list[str] | Unset = UNSET
    if not isinstance(customers, Unset):
        json_customers = customers

    params["customers[]"] = json_customers

    params["project"] = project

    json_projects: list[str] | Unset = UNSET
    if not isinstance(projects, Unset):
        json_projects = projects

    params["projects[]"] = json_projects

    params["activity"] = activity

    json_activities: list[str] | Unset = UNSET
    if not isinstance(activities, Unset):
        json_activities = activities

    params["activities[]"] = json_activities

    params["page"] = page

    params["size"] = size

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags

    params["tags[]"] = json_tags

    params["orderBy"] = order_by

    params["order"] = order

    params["begin"] = begin

    params["end"] = end

    params["exported"] = exported

    params["active"] = active

    params["billable"] = billable

    params["full"] = full

    params["term"] = term

    params["modified_after"] = modified_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/timesheets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[TimesheetCollection] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TimesheetCollection.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[TimesheetCollection]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    users: list[str] | Unset = UNSET,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    activity: str | Unset = UNSET,
    activities: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    exported: str | Unset = UNSET,
    active: str | Unset = UNSET,
    billable: str | Unset = UNSET,
    full: str | Unset = UNSET,
    term: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
) -> Response[list[TimesheetCollection]]:
    """Fetch timesheets

    Args:
        user (str | Unset):
        users (list[str] | Unset):
        customer (str | Unset):
        customers (list[str] | Unset):
        project (str | Unset):
        projects (list[str] | Unset):
        activity (str | Unset):
        activities (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):
        tags (list[str] | Unset):
        order_by (str | Unset):
        order (str | Unset):
        begin (str | Unset):
        end (str | Unset):
        exported (str | Unset):
        active (str | Unset):
        billable (str | Unset):
        full (str | Unset):
        term (str | Unset):
        modified_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[TimesheetCollection]]
    """

    kwargs = _get_kwargs(
        user=user,
        users=users,
        customer=customer,
        customers=customers,
        project=project,
        projects=projects,
        activity=activity,
        activities=activities,
        page=page,
        size=size,
        tags=tags,
        order_by=order_by,
        order=order,
        begin=begin,
        end=end,
        exported=exported,
        active=active,
        billable=billable,
        full=full,
        term=term,
        modified_after=modified_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    users: list[str] | Unset = UNSET,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    activity: str | Unset = UNSET,
    activities: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    exported: str | Unset = UNSET,
    active: str | Unset = UNSET,
    billable: str | Unset = UNSET,
    full: str | Unset = UNSET,
    term: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
) -> list[TimesheetCollection] | None:
    """Fetch timesheets

    Args:
        user (str | Unset):
        users (list[str] | Unset):
        customer (str | Unset):
        customers (list[str] | Unset):
        project (str | Unset):
        projects (list[str] | Unset):
        activity (str | Unset):
        activities (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):
        tags (list[str] | Unset):
        order_by (str | Unset):
        order (str | Unset):
        begin (str | Unset):
        end (str | Unset):
        exported (str | Unset):
        active (str | Unset):
        billable (str | Unset):
        full (str | Unset):
        term (str | Unset):
        modified_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[TimesheetCollection]
    """

    return sync_detailed(
        client=client,
        user=user,
        users=users,
        customer=customer,
        customers=customers,
        project=project,
        projects=projects,
        activity=activity,
        activities=activities,
        page=page,
        size=size,
        tags=tags,
        order_by=order_by,
        order=order,
        begin=begin,
        end=end,
        exported=exported,
        active=active,
        billable=billable,
        full=full,
        term=term,
        modified_after=modified_after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    users: list[str] | Unset = UNSET,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    activity: str | Unset = UNSET,
    activities: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    exported: str | Unset = UNSET,
    active: str | Unset = UNSET,
    billable: str | Unset = UNSET,
    full: str | Unset = UNSET,
    term: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
) -> Response[list[TimesheetCollection]]:
    """Fetch timesheets

    Args:
        user (str | Unset):
        users (list[str] | Unset):
        customer (str | Unset):
        customers (list[str] | Unset):
        project (str | Unset):
        projects (list[str] | Unset):
        activity (str | Unset):
        activities (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):
        tags (list[str] | Unset):
        order_by (str | Unset):
        order (str | Unset):
        begin (str | Unset):
        end (str | Unset):
        exported (str | Unset):
        active (str | Unset):
        billable (str | Unset):
        full (str | Unset):
        term (str | Unset):
        modified_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[TimesheetCollection]]
    """

    kwargs = _get_kwargs(
        user=user,
        users=users,
        customer=customer,
        customers=customers,
        project=project,
        projects=projects,
        activity=activity,
        activities=activities,
        page=page,
        size=size,
        tags=tags,
        order_by=order_by,
        order=order,
        begin=begin,
        end=end,
        exported=exported,
        active=active,
        billable=billable,
        full=full,
        term=term,
        modified_after=modified_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    users: list[str] | Unset = UNSET,
    customer: str | Unset = UNSET,
    customers: list[str] | Unset = UNSET,
    project: str | Unset = UNSET,
    projects: list[str] | Unset = UNSET,
    activity: str | Unset = UNSET,
    activities: list[str] | Unset = UNSET,
    page: str | Unset = UNSET,
    size: str | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order: str | Unset = UNSET,
    begin: str | Unset = UNSET,
    end: str | Unset = UNSET,
    exported: str | Unset = UNSET,
    active: str | Unset = UNSET,
    billable: str | Unset = UNSET,
    full: str | Unset = UNSET,
    term: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
) -> list[TimesheetCollection] | None:
    """Fetch timesheets

    Args:
        user (str | Unset):
        users (list[str] | Unset):
        customer (str | Unset):
        customers (list[str] | Unset):
        project (str | Unset):
        projects (list[str] | Unset):
        activity (str | Unset):
        activities (list[str] | Unset):
        page (str | Unset):
        size (str | Unset):
        tags (list[str] | Unset):
        order_by (str | Unset):
        order (str | Unset):
        begin (str | Unset):
        end (str | Unset):
        exported (str | Unset):
        active (str | Unset):
        billable (str | Unset):
        full (str | Unset):
        term (str | Unset):
        modified_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[TimesheetCollection]
    """

    return (
        await asyncio_detailed(
            client=client,
            user=user,
            users=users,
            customer=customer,
            customers=customers,
            project=project,
            projects=projects,
            activity=activity,
            activities=activities,
            page=page,
            size=size,
            tags=tags,
            order_by=order_by,
            order=order,
            begin=begin,
            end=end,
            exported=exported,
            active=active,
            billable=billable,
            full=full,
            term=term,
            modified_after=modified_after,
        )
    ).parsed
