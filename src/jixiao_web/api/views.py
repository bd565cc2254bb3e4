"""The API documentation page, rendered from the OpenAPI schema on the server (no CDN)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from drf_spectacular.generators import SchemaGenerator


def api_docs(request: HttpRequest) -> TemplateResponse:
    # Public like the schema itself: it describes endpoints, never data.
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            operations.append({
                "method": method.upper(), "path": path, "summary": op.get("description", ""),
                "request": body.get("$ref", "").rsplit("/", 1)[-1],
            })
    return TemplateResponse(request, "api/docs.html", {"operations": operations, "info": schema.get("info", {})})
