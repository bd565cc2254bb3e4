"""Seed the demo: fictional organisations, demo logins, the forms in samples/ and a fictional
部门预算公开 (jixiao_web.disclosures.demo).

Safe to run again: organisations and users are created once, and a sample file whose forms are
already stored is not imported a second time.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from jixiao.errors import ImportFailed
from jixiao.importers import import_file
from jixiao.model import DepartmentTargetForm
from jixiao_web.accounts.models import Role, User
from jixiao_web.audit.models import AuditEventType
from jixiao_web.core.exceptions import ApplicationError
from jixiao_web.orgs.models import BudgetYear, Organisation, OrgKind
from jixiao_web.targets.models import TargetForm
from jixiao_web.targets.services import target_create
from jixiao_web.workflow.services import (
    target_forward,
    target_submit,
    target_waive,
    unwaived_errors,
)

DEMO_PASSWORD = "demo12345"

# (code, name, kind, region, parent code)
ORGANISATIONS = [
    ("900", "青川县财政局", OrgKind.FINANCE, "青川县", None),
    ("215", "青川县科技和工业信息化局", OrgKind.DEPARTMENT, "青川县", "900"),
    ("215001", "青川县科技和工业信息化局（本级）", OrgKind.UNIT, "青川县", "215"),
    ("215002", "青川县中小企业服务中心", OrgKind.UNIT, "青川县", "215"),
    ("301", "安平市商务局", OrgKind.DEPARTMENT, "安平市", "900"),
    ("301001", "安平市商务局（本级）", OrgKind.UNIT, "安平市", "301"),
]

# (username, display name, organisation code, role)
USERS = [
    ("filer", "张填报", "215001", Role.UNIT_FILER),
    ("filer2", "陈填报", "301001", Role.UNIT_FILER),
    ("dept", "王主管", "215", Role.DEPARTMENT_REVIEWER),
    ("dept2", "赵主管", "301", Role.DEPARTMENT_REVIEWER),
    ("finance", "钱财政", "900", Role.FINANCE_REVIEWER),
    ("admin", "系统管理员", "900", Role.ADMIN),
]

# Which organisation a sample's forms belong to when the form names none we know.
SAMPLE_HOMES = {
    "gd-county-2025.txt": ("215", "215001"),
    "gd-city-2025.txt": ("301", "301001"),
    "hebei-cells-2025.txt": ("215", "215001"),
    "hebei-pdftext-2025.txt": ("301", "301001"),
}


class Command(BaseCommand):
    help = "创建演示用的组织机构、用户和 samples/ 中的绩效目标表"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--samples", default=str(Path(settings.REPO_ROOT) / "samples"))
        parser.add_argument("--no-workflow", action="store_true", help="不把部分表推进到审核状态")

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        BudgetYear.objects.get_or_create(year=2025, defaults={"is_active": True, "framework": "A"})
        BudgetYear.objects.get_or_create(year=2026, defaults={"framework": "B"})
        orgs: dict[str, Organisation] = {}
        for code, name, kind, region, parent in ORGANISATIONS:
            orgs[code], _ = Organisation.objects.get_or_create(
                code=code, defaults={"name": name, "kind": kind, "region": region, "parent": orgs.get(parent)}
            )
        users: dict[str, User] = {}
        for username, display, org_code, role in USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username, password=DEMO_PASSWORD, display_name=display,
                    organisation=orgs[org_code], role=role,
                    is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN,
                )
            users[username] = user
        imported = self._import_samples(Path(options["samples"]), orgs, users)
        if imported and not options["no_workflow"]:
            self._advance(users)
        from jixiao_web.disclosures.demo import seed_demo_disclosure

        seed_demo_disclosure(organisation=orgs["215"], actor=users["dept"])
        self.stdout.write(self.style.SUCCESS(f"演示数据就绪：导入 {len(imported)} 张绩效目标表"))

    def _import_samples(self, folder: Path, orgs, users) -> list[TargetForm]:
        created: list[TargetForm] = []
        for path in sorted(folder.glob("*")):
            if not path.is_file() or path.suffix.lower() not in (".txt", ".docx", ".xlsx", ".pdf"):
                continue
            if TargetForm.objects.filter(source_file=path.name).exists():
                continue
            try:
                document = import_file(path)
            except ImportFailed as exc:
                self.stderr.write(f"跳过 {path.name}：{exc}")
                continue
            dept_code, unit_code = SAMPLE_HOMES.get(path.name, ("215", "215001"))
            for form in document.forms:
                if isinstance(form, DepartmentTargetForm):
                    org = orgs.get(form.department_code or "") or orgs[dept_code]
                    actor = users["dept"] if org.code.startswith("215") else users["dept2"]
                else:
                    code = form.spending_unit.code if form.spending_unit and form.spending_unit.code else ""
                    org = orgs.get(code) if code in orgs and orgs[code].kind == OrgKind.UNIT else orgs[unit_code]
                    actor = users["filer"] if org.code.startswith("215") else users["filer2"]
                try:
                    created.append(
                        target_create(
                            organisation=org, budget_year=form.budget_year or 2025, core_form=form,
                            actor=actor, source_file=path.name, event=AuditEventType.FORM_IMPORTED,
                        )
                    )
                except ApplicationError as exc:
                    self.stderr.write(f"{path.name} 的一张表未能保存：{exc.message}")
        return created

    def _advance(self, users) -> None:
        """Put one county project in front of finance, so every demo role has work waiting."""
        form = TargetForm.objects.filter(source_file="gd-county-2025.txt", kind="project").order_by("id").first()
        if form is None:
            return
        try:
            for finding in unwaived_errors(form):
                target_waive(
                    form=form, actor=users["filer"], code=finding["code"], loc=finding["loc_text"],
                    message=finding["message"], reason="演示数据：已与主管部门沟通，按原表报送",
                )
            target_submit(form=form, actor=users["filer"])
            target_forward(form=form, actor=users["dept"], summary="主管部门初审通过")
        except ApplicationError as exc:
            self.stderr.write(f"演示流程未推进（{form.name}）：{exc.message}")
