from django.contrib import admin

from jixiao_web.workflow.models import Comment, Review, Waiver


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("form", "level", "grade", "decision", "reviewer", "created_at")
    list_filter = ("level", "grade", "decision")
    raw_id_fields = ("form", "reviewer")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("form", "indicator_name", "author", "resolved", "created_at")
    raw_id_fields = ("form", "author")


@admin.register(Waiver)
class WaiverAdmin(admin.ModelAdmin):
    list_display = ("form", "code", "loc", "author", "created_at")
    raw_id_fields = ("form", "author")
