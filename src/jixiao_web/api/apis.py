"""API endpoints, one class per operation (``<Entity><Action>Api``) with nested serializers.

Permissions are the same ``rules`` permissions the pages use; errors come back as
``{"code", "message", "extra"}`` (see ``api/exceptions.py``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.orgs.selectors import organisation_list_for_user
from jixiao_web.targets.models import Stage, Status
from jixiao_web.targets.selectors import target_get_for_user, target_list_for_user, target_review
from jixiao_web.targets.services import target_create, target_update
from jixiao_web.workflow import services as workflow


def _perm(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied("您没有权限执行此操作")


def _form_and_input(request, pk: int, perm: str, serializer_class) -> tuple:
    """The form the user may act on with ``perm``, and the request body validated by ``serializer_class``."""
    form = _form_or_404(request, pk)
    _perm(request, perm, form)
    payload = serializer_class(data=request.data)
    payload.is_valid(raise_exception=True)
    return form, dict(payload.validated_data)


def _form_or_404(request, pk: int):
    form = target_get_for_user(user=request.user, pk=pk)
    if form is None:
        from django.http import Http404

        raise Http404("未找到或无权查看")
    return form


class OrganisationListApi(APIView):
    """Organisations the caller may file for (ids for creating and importing forms)."""

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "OrganisationListOutput"

        id = serializers.IntegerField()
        code = serializers.CharField()
        name = serializers.CharField()
        kind = serializers.CharField()
        region = serializers.CharField()
        parent = serializers.IntegerField(source="parent_id", allow_null=True)

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request):
        orgs = organisation_list_for_user(user=request.user)
        return Response(self.OutputSerializer(orgs, many=True).data)


class FormSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation_code = serializers.CharField(source="organisation.code")
    organisation_name = serializers.CharField(source="organisation.name")
    budget_year = serializers.IntegerField()
    stage = serializers.CharField()
    status = serializers.CharField()
    kind = serializers.CharField()
    name = serializers.CharField()
    project_code = serializers.CharField()
    annual_amount_wan_yuan = serializers.DecimalField(max_digits=20, decimal_places=6, allow_null=True)
    total_amount_wan_yuan = serializers.DecimalField(max_digits=20, decimal_places=6, allow_null=True)
    indicator_count = serializers.IntegerField()
    version = serializers.IntegerField()
    grade = serializers.CharField()
    updated_at = serializers.DateTimeField()


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()
    hint = serializers.CharField(allow_null=True)
    loc_text = serializers.CharField()


class TargetFormListApi(APIView):
    """Forms the caller may see, filtered like the list page."""

    class FilterSerializer(serializers.Serializer):
        class Meta:
            ref_name = "TargetFormListFilter"

        status = serializers.ChoiceField(choices=Status.choices, required=False)
        kind = serializers.ChoiceField(choices=["project", "department"], required=False)
        stage = serializers.ChoiceField(choices=Stage.choices, required=False)
        year = serializers.IntegerField(required=False)
        q = serializers.CharField(required=False)

    @extend_schema(parameters=[FilterSerializer], responses=FormSummarySerializer(many=True))
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        qs = target_list_for_user(user=request.user, filters=filters.validated_data)
        paginator = LimitOffsetPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(FormSummarySerializer(page, many=True).data)


class TargetFormDetailApi(APIView):
    """One form with its core data (the pydantic dump) and its review findings."""

    class OutputSerializer(FormSummarySerializer):
        class Meta:
            ref_name = "TargetFormDetailOutput"

        data = serializers.JSONField()
        findings = FindingSerializer(many=True)
        review_available = serializers.BooleanField()
        score = serializers.FloatField(allow_null=True)
        auto_grade = serializers.CharField(allow_null=True)

    @extend_schema(responses=OutputSerializer)
    def get(self, request, pk: int):
        form = _form_or_404(request, pk)
        _perm(request, "targets.view_form", form)
        outcome = target_review(form=form)
        form.findings = outcome.findings
        form.review_available = outcome.available
        form.score = outcome.score
        form.auto_grade = outcome.grade
        return Response(self.OutputSerializer(form).data)


class TargetFormCreateApi(APIView):
    """Store a new draft from core-model JSON."""

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "TargetFormCreateInput"

        organisation = serializers.IntegerField()
        budget_year = serializers.IntegerField()
        stage = serializers.ChoiceField(choices=Stage.choices, default=Stage.FIRST_SUBMISSION)
        data = serializers.JSONField()

    @extend_schema(request=InputSerializer, responses={201: FormSummarySerializer})
    def post(self, request):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        org = get_object_or_404(organisation_list_for_user(user=request.user), pk=payload.validated_data["organisation"])
        _perm(request, "targets.create_form_for_org", org)
        form = target_create(
            organisation=org, budget_year=payload.validated_data["budget_year"],
            stage=payload.validated_data["stage"], core_form=payload.validated_data["data"], actor=request.user,
        )
        return Response(FormSummarySerializer(form).data, status=status.HTTP_201_CREATED)


class TargetFormUpdateApi(APIView):
    """Replace a form's data; ``version`` must be the version the change was based on."""

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "TargetFormUpdateInput"

        version = serializers.IntegerField()
        data = serializers.JSONField()

    @extend_schema(request=InputSerializer, responses=FormSummarySerializer)
    def put(self, request, pk: int):
        form, data = _form_and_input(request, pk, "targets.change_form", self.InputSerializer)
        form = target_update(form=form, actor=request.user, data=data["data"], expected_version=data["version"])
        return Response(FormSummarySerializer(form).data)


class TargetFormSubmitApi(APIView):
    @extend_schema(request=None, responses=FormSummarySerializer)
    def post(self, request, pk: int):
        form = _form_or_404(request, pk)
        _perm(request, "targets.submit_form", form)
        return Response(FormSummarySerializer(workflow.target_submit(form=form, actor=request.user)).data)


class AspectsSerializer(serializers.Serializer):
    completeness = serializers.CharField(required=False, allow_blank=True, default="")
    relevance = serializers.CharField(required=False, allow_blank=True, default="")
    appropriateness = serializers.CharField(required=False, allow_blank=True, default="")
    feasibility = serializers.CharField(required=False, allow_blank=True, default="")


class TargetFormForwardApi(APIView):
    class InputSerializer(AspectsSerializer):
        class Meta:
            ref_name = "TargetFormForwardInput"

        summary = serializers.CharField(required=False, allow_blank=True, default="")

    @extend_schema(request=InputSerializer, responses=FormSummarySerializer)
    def post(self, request, pk: int):
        form, data = _form_and_input(request, pk, "targets.forward_form", self.InputSerializer)
        summary = data.pop("summary")
        return Response(FormSummarySerializer(workflow.target_forward(form=form, actor=request.user, summary=summary, aspects=data)).data)


class TargetFormReturnApi(APIView):
    """The competent department returns a submitted unit form."""

    class InputSerializer(AspectsSerializer):
        class Meta:
            ref_name = "TargetFormReturnInput"

        reason = serializers.CharField()

    @extend_schema(request=InputSerializer, responses=FormSummarySerializer)
    def post(self, request, pk: int):
        form, data = _form_and_input(request, pk, "targets.department_return_form", self.InputSerializer)
        reason = data.pop("reason")
        return Response(FormSummarySerializer(workflow.target_return(form=form, actor=request.user, reason=reason, aspects=data)).data)


class TargetFormFinanceReviewApi(APIView):
    """Finance review: the four aspects, a grade and a decision allowed by the grade."""

    class InputSerializer(AspectsSerializer):
        class Meta:
            ref_name = "TargetFormFinanceReviewInput"

        grade = serializers.CharField()
        decision = serializers.ChoiceField(choices=["approve", "return", "reject"])
        summary = serializers.CharField(required=False, allow_blank=True, default="")

    @extend_schema(request=InputSerializer, responses=FormSummarySerializer)
    def post(self, request, pk: int):
        form, data = _form_and_input(request, pk, "targets.finance_review_form", self.InputSerializer)
        grade, decision, summary = data.pop("grade"), data.pop("decision"), data.pop("summary")
        form = workflow.target_finance_review(form=form, actor=request.user, aspects=data, grade=grade, decision=decision, summary=summary)
        return Response(FormSummarySerializer(form).data)


class FindingWaiveApi(APIView):
    """Explain why an error-level finding stays (needed before submitting)."""

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "FindingWaiveInput"

        code = serializers.CharField(max_length=16)
        loc = serializers.CharField(max_length=200, allow_blank=True)
        reason = serializers.CharField()
        message = serializers.CharField(required=False, allow_blank=True, default="")

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "FindingWaiveOutput"

        id = serializers.IntegerField()
        code = serializers.CharField()
        loc = serializers.CharField()
        reason = serializers.CharField()

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request, pk: int):
        form, data = _form_and_input(request, pk, "targets.waive_finding", self.InputSerializer)
        waiver = workflow.target_waive(form=form, actor=request.user, **data)
        return Response(self.OutputSerializer(waiver).data, status=status.HTTP_201_CREATED)


class CommentCreateApi(APIView):
    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "CommentCreateInput"

        body = serializers.CharField()
        indicator_index = serializers.IntegerField(required=False, allow_null=True, min_value=0)

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "CommentCreateOutput"

        id = serializers.IntegerField()
        body = serializers.CharField()
        indicator_index = serializers.IntegerField(allow_null=True)
        indicator_name = serializers.CharField()

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request, pk: int):
        form, data = _form_and_input(request, pk, "targets.comment_form", self.InputSerializer)
        comment = workflow.comment_add(form=form, actor=request.user, **data)
        return Response(self.OutputSerializer(comment).data, status=status.HTTP_201_CREATED)


class ImportJobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    organisation = serializers.IntegerField(source="organisation_id")
    budget_year = serializers.IntegerField()
    stage = serializers.CharField()
    total_files = serializers.IntegerField()
    done_files = serializers.IntegerField()
    progress_pct = serializers.IntegerField()
    form_count = serializers.IntegerField()
    result = serializers.JSONField()


def _own_job(request, pk: int):
    from jixiao_web.targets.models import ImportJob

    return get_object_or_404(ImportJob.objects.select_related("organisation"), pk=pk, uploaded_by=request.user)


class ImportJobCreateApi(APIView):
    """Upload files (multipart ``files``, several allowed, or a zip) for preview; nothing is
    stored as a form until the job is confirmed."""

    parser_classes = (MultiPartParser,)

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "ImportJobCreateInput"

        organisation = serializers.IntegerField()
        budget_year = serializers.IntegerField()
        stage = serializers.ChoiceField(choices=Stage.choices, default=Stage.FIRST_SUBMISSION)
        files = serializers.ListField(child=serializers.FileField())

    @extend_schema(request={"multipart/form-data": InputSerializer}, responses={201: ImportJobSerializer})
    def post(self, request):
        from jixiao_web.targets.imports import import_job_create, import_job_start

        refused = getattr(request._request, "jixiao_refused_uploads", None)
        if refused:
            raise ApplicationError("；".join(refused) + "，已拒绝", code="file_too_large")
        payload = self.InputSerializer(data={**request.data.dict(), "files": request.FILES.getlist("files")})
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        org = get_object_or_404(organisation_list_for_user(user=request.user), pk=data["organisation"])
        _perm(request, "targets.create_form_for_org", org)
        job = import_job_create(
            actor=request.user, organisation=org, budget_year=data["budget_year"], stage=data["stage"],
            files=[(f.name, f.read()) for f in data["files"]],
        )
        import_job_start(job=job)
        job.refresh_from_db()
        return Response(ImportJobSerializer(job).data, status=status.HTTP_201_CREATED)


class ImportJobDetailApi(APIView):
    """The preview (and progress) of one of the caller's import jobs."""

    @extend_schema(responses=ImportJobSerializer)
    def get(self, request, pk: int):
        return Response(ImportJobSerializer(_own_job(request, pk)).data)


class ImportJobConfirmApi(APIView):
    """Store every form of a parsed job, all or none."""

    @extend_schema(request=None, responses={201: FormSummarySerializer(many=True)})
    def post(self, request, pk: int):
        from jixiao_web.targets.imports import import_job_confirm

        job = _own_job(request, pk)
        _perm(request, "targets.create_form_for_org", job.organisation)
        forms = import_job_confirm(job=job, actor=request.user)
        return Response(FormSummarySerializer(forms, many=True).data, status=status.HTTP_201_CREATED)



# -- 部门预算公开 (read) ----------------------------------------------------------------------


class DisclosureSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation_code = serializers.CharField(source="organisation.code")
    organisation_name = serializers.CharField(source="organisation.name")
    budget_year = serializers.IntegerField()
    table_count = serializers.IntegerField()
    error_count = serializers.IntegerField()
    source_file = serializers.CharField()
    imported_at = serializers.DateTimeField()


class DisclosureListApi(APIView):
    """Disclosures the caller may see (the same organisations as its forms)."""

    class FilterSerializer(serializers.Serializer):
        class Meta:
            ref_name = "DisclosureListFilter"

        year = serializers.IntegerField(required=False)

    @extend_schema(parameters=[FilterSerializer], responses=DisclosureSummarySerializer(many=True))
    def get(self, request):
        from jixiao_web.disclosures.selectors import disclosure_list_for_user

        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        qs = disclosure_list_for_user(user=request.user, year=str(filters.validated_data.get("year", "")))
        paginator = LimitOffsetPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(DisclosureSummarySerializer(page, many=True).data)


class DisclosureDetailApi(APIView):
    """One disclosure: the core model's JSON and its stored JX6xx findings."""

    class OutputSerializer(DisclosureSummarySerializer):
        class Meta:
            ref_name = "DisclosureDetailOutput"

        data = serializers.JSONField()
        findings = serializers.JSONField()

    @extend_schema(responses=OutputSerializer)
    def get(self, request, pk: int):
        from django.http import Http404

        from jixiao_web.disclosures.selectors import disclosure_get_for_user

        disclosure = disclosure_get_for_user(user=request.user, pk=pk)
        if disclosure is None:
            raise Http404("未找到或无权查看")
        _perm(request, "disclosures.view_disclosure", disclosure)
        return Response(self.OutputSerializer(disclosure).data)
