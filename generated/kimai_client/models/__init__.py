"""Contains all the data models used in inputs/outputs"""

from .absence_2 import Absence2
from .absence_form import AbsenceForm
from .absence_form_type import AbsenceFormType
from .activity import Activity
from .activity_collection import ActivityCollection
from .activity_edit_form import ActivityEditForm
from .activity_edit_form_budget_type import ActivityEditFormBudgetType
from .activity_entity import ActivityEntity
from .activity_expanded import ActivityExpanded
from .activity_meta import ActivityMeta
from .activity_rate import ActivityRate
from .activity_rate_form import ActivityRateForm
from .calendar_event import CalendarEvent
from .comment import Comment
from .comment_form import CommentForm
from .customer import Customer
from .customer_collection import CustomerCollection
from .customer_edit_form import CustomerEditForm
from .customer_edit_form_budget_type import CustomerEditFormBudgetType
from .customer_edit_form_language import CustomerEditFormLanguage
from .customer_entity import CustomerEntity
from .customer_meta import CustomerMeta
from .customer_rate import CustomerRate
from .customer_rate_form import CustomerRateForm
from .get_app_api_configuration_colorconfig_response_200 import (
    GetAppApiConfigurationColorconfigResponse200,
)
from .get_app_api_status_ping_response_200 import GetAppApiStatusPingResponse200
from .get_kimaiplugin_workcontract_api_absence_getabsencetypes_response_200 import (
    GetKimaipluginWorkcontractApiAbsenceGetabsencetypesResponse200,
)
from .invoice import Invoice
from .invoice_collection import InvoiceCollection
from .invoice_edit_form import InvoiceEditForm
from .invoice_edit_form_status import InvoiceEditFormStatus
from .invoice_meta import InvoiceMeta
from .page_action import PageAction
from .page_action_html_data_attributes_to_render_the_action import (
    PageActionHTMLDataAttributesToRenderTheAction,
)
from .patch_app_api_activity_meta_body import PatchAppApiActivityMetaBody
from .patch_app_api_customer_meta_body import PatchAppApiCustomerMetaBody
from .patch_app_api_project_meta_body import PatchAppApiProjectMetaBody
from .patch_app_api_timesheet_meta_body import PatchAppApiTimesheetMetaBody
from .patch_restart_timesheet_body import PatchRestartTimesheetBody
from .plugin import Plugin
from .project import Project
from .project_collection import ProjectCollection
from .project_edit_form import ProjectEditForm
from .project_edit_form_budget_type import ProjectEditFormBudgetType
from .project_entity import ProjectEntity
from .project_expanded import ProjectExpanded
from .project_meta import ProjectMeta
from .project_rate import ProjectRate
from .project_rate_form import ProjectRateForm
from .public_holiday import PublicHoliday
from .public_holiday_group import PublicHolidayGroup
from .tag_edit_form import TagEditForm
from .tag_entity import TagEntity
from .team import Team
from .team_collection import TeamCollection
from .team_edit_form import TeamEditForm
from .team_edit_form_members_item import TeamEditFormMembersItem
from .team_member import TeamMember
from .team_membership import TeamMembership
from .timesheet_collection import TimesheetCollection
from .timesheet_collection_expanded import TimesheetCollectionExpanded
from .timesheet_config import TimesheetConfig
from .timesheet_edit_form import TimesheetEditForm
from .timesheet_entity import TimesheetEntity
from .timesheet_expanded import TimesheetExpanded
from .timesheet_meta import TimesheetMeta
from .user import User
from .user_2 import User2
from .user_collection import UserCollection
from .user_create_form import UserCreateForm
from .user_create_form_language import UserCreateFormLanguage
from .user_create_form_locale import UserCreateFormLocale
from .user_create_form_roles_item import UserCreateFormRolesItem
from .user_edit_form import UserEditForm
from .user_edit_form_language import UserEditFormLanguage
from .user_edit_form_locale import UserEditFormLocale
from .user_edit_form_roles_item import UserEditFormRolesItem
from .user_entity import UserEntity
from .user_preference import UserPreference
from .version import Version
from .work_contract_user import WorkContractUser

__all__ = (
    "Absence2",
    "AbsenceForm",
    "AbsenceFormType",
    "Activity",
    "ActivityCollection",
    "ActivityEditForm",
    "ActivityEditFormBudgetType",
    "ActivityEntity",
    "ActivityExpanded",
    "ActivityMeta",
    "ActivityRate",
    "ActivityRateForm",
    "CalendarEvent",
    "Comment",
    "CommentForm",
    "Customer",
    "CustomerCollection",
    "CustomerEditForm",
    "CustomerEditFormBudgetType",
    "CustomerEditFormLanguage",
    "CustomerEntity",
    "CustomerMeta",
    "CustomerRate",
    "CustomerRateForm",
    "GetAppApiConfigurationColorconfigResponse200",
    "GetAppApiStatusPingResponse200",
    "GetKimaipluginWorkcontractApiAbsenceGetabsencetypesResponse200",
    "Invoice",
    "InvoiceCollection",
    "InvoiceEditForm",
    "InvoiceEditFormStatus",
    "InvoiceMeta",
    "PageAction",
    "PageActionHTMLDataAttributesToRenderTheAction",
    "PatchAppApiActivityMetaBody",
    "PatchAppApiCustomerMetaBody",
    "PatchAppApiProjectMetaBody",
    "PatchAppApiTimesheetMetaBody",
    "PatchRestartTimesheetBody",
    "Plugin",
    "Project",
    "ProjectCollection",
    "ProjectEditForm",
    "ProjectEditFormBudgetType",
    "ProjectEntity",
    "ProjectExpanded",
    "ProjectMeta",
    "ProjectRate",
    "ProjectRateForm",
    "PublicHoliday",
    "PublicHolidayGroup",
    "TagEditForm",
    "TagEntity",
    "Team",
    "TeamCollection",
    "TeamEditForm",
    "TeamEditFormMembersItem",
    "TeamMember",
    "TeamMembership",
    "TimesheetCollection",
    "TimesheetCollectionExpanded",
    "TimesheetConfig",
    "TimesheetEditForm",
    "TimesheetEntity",
    "TimesheetExpanded",
    "TimesheetMeta",
    "User",
    "User2",
    "UserCollection",
    "UserCreateForm",
    "UserCreateFormLanguage",
    "UserCreateFormLocale",
    "UserCreateFormRolesItem",
    "UserEditForm",
    "UserEditFormLanguage",
    "UserEditFormLocale",
    "UserEditFormRolesItem",
    "UserEntity",
    "UserPreference",
    "Version",
    "WorkContractUser",
)
