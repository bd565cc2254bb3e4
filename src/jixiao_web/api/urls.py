from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authtoken.views import obtain_auth_token

from jixiao_web.api import apis, views

app_name = "api"
urlpatterns = [
    path("auth/token/", obtain_auth_token, name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.api_docs, name="docs"),
    path("organisations/", apis.OrganisationListApi.as_view(), name="organisation_list"),
    path("forms/", apis.TargetFormListApi.as_view(), name="form_list"),
    path("forms/create/", apis.TargetFormCreateApi.as_view(), name="form_create"),
    path("forms/<int:pk>/", apis.TargetFormDetailApi.as_view(), name="form_detail"),
    path("forms/<int:pk>/update/", apis.TargetFormUpdateApi.as_view(), name="form_update"),
    path("forms/<int:pk>/submit/", apis.TargetFormSubmitApi.as_view(), name="form_submit"),
    path("forms/<int:pk>/forward/", apis.TargetFormForwardApi.as_view(), name="form_forward"),
    path("forms/<int:pk>/return/", apis.TargetFormReturnApi.as_view(), name="form_return"),
    path("forms/<int:pk>/finance-review/", apis.TargetFormFinanceReviewApi.as_view(), name="form_finance_review"),
    path("forms/<int:pk>/comments/", apis.CommentCreateApi.as_view(), name="comment_create"),
    path("forms/<int:pk>/waivers/", apis.FindingWaiveApi.as_view(), name="finding_waive"),
    path("disclosures/", apis.DisclosureListApi.as_view(), name="disclosure_list"),
    path("disclosures/<int:pk>/", apis.DisclosureDetailApi.as_view(), name="disclosure_detail"),
    path("imports/", apis.ImportJobCreateApi.as_view(), name="import_create"),
    path("imports/<int:pk>/", apis.ImportJobDetailApi.as_view(), name="import_detail"),
    path("imports/<int:pk>/confirm/", apis.ImportJobConfirmApi.as_view(), name="import_confirm"),
]
